/** Timing marks (Performance API) for the benchmark's per-step breakdown
 * (`benchmarks/webmail.py`): the bundle running, the first rows drawn, a message asked to
 * open, its body frame loaded. Each name keeps only its latest mark. */
export function mark(name: string): void {
  if (typeof performance === "undefined" || !performance.mark) return;
  performance.clearMarks(name);
  performance.mark(name);
}
