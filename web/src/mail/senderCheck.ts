/** What the reading pane says about who sent a message: the authentication results the
 * receiving server recorded (Authentication-Results: SPF, DKIM, DMARC) and warnings for
 * senders that may not be who they seem (failing checks, punycode or mixed-script domains,
 * a display name carrying another address, a colleague's name from outside). */

export type AuthState = "pass" | "fail" | "softfail" | "none" | "neutral" | "temperror" | "permerror" | "policy";

export interface AuthResults {
  spf?: AuthState;
  dkim?: AuthState;
  dmarc?: AuthState;
}

/** The first Authentication-Results field (the one our server prepended). */
export function authResults(headers: { name: string; value: string }[]): AuthResults {
  const field = headers.find((h) => h.name.toLowerCase() === "authentication-results");
  if (!field) return {};
  const found: AuthResults = {};
  for (const method of ["spf", "dkim", "dmarc"] as const) {
    const match = new RegExp(`\\b${method}\\s*=\\s*([a-z]+)`, "i").exec(field.value);
    if (match) found[method] = match[1].toLowerCase() as AuthState;
  }
  return found;
}

export type Warning =
  | { kind: "authFailed"; method: string }
  | { kind: "punycode"; domain: string; shown: string }
  | { kind: "mixedScript"; domain: string }
  | { kind: "nameHasAddress"; claimed: string }
  | { kind: "colleagueName"; name: string };

/** The form names are compared in: compatibility forms folded (full-width letters), spaces
 * collapsed, case ignored. */
export function sameName(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

const LATIN = /[a-z]/i;
const CYRILLIC = /[\u0400-\u04FF]/;
const GREEK = /[\u0370-\u03FF]/;

function decodePunycodeHost(domain: string): string {
  return domain.split(".").map((label) => (label.toLowerCase().startsWith("xn--") ? decodeLabel(label.slice(4)) : label)).join(".");
}

/** RFC 3492 decoding of one label (small, no dependency). */
function decodeLabel(input: string): string {
  const base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700;
  let n = 128, i = 0, bias = 72;
  const basic = input.lastIndexOf("-");
  const output = basic > 0 ? Array.from(input.slice(0, basic)) : [];
  const adapt = (delta: number, points: number, first: boolean) => {
    delta = first ? Math.floor(delta / damp) : delta >> 1;
    delta += Math.floor(delta / points);
    let k = 0;
    while (delta > ((base - tMin) * tMax) >> 1) { delta = Math.floor(delta / (base - tMin)); k += base; }
    return k + Math.floor(((base - tMin + 1) * delta) / (delta + skew));
  };
  for (let pos = basic > 0 ? basic + 1 : 0; pos < input.length;) {
    const old = i;
    for (let w = 1, k = base; ; k += base) {
      const c = input.charCodeAt(pos++);
      const digit = c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : base;
      if (digit >= base) return input;
      i += digit * w;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (digit < t) break;
      w *= base - t;
      if (pos >= input.length) return input;
    }
    bias = adapt(i - old, output.length + 1, old === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    output.splice(i++, 0, String.fromCodePoint(n));
  }
  return output.join("");
}

export function senderWarnings(
  from: { name?: string | null; address: string } | null | undefined,
  auth: AuthResults,
  ownDomains: string[],
  colleagueNames: string[] = [],
): Warning[] {
  const warnings: Warning[] = [];
  for (const method of ["dmarc", "dkim", "spf"] as const) {
    const state = auth[method];
    if (state === "fail" || state === "softfail" || state === "permerror") warnings.push({ kind: "authFailed", method: method.toUpperCase() });
  }
  if (!from) return warnings;
  const domain = (from.address.split("@")[1] ?? "").toLowerCase();
  const internal = ownDomains.map((d) => d.toLowerCase()).includes(domain);
  if (domain.split(".").some((label) => label.startsWith("xn--"))) {
    const shown = decodePunycodeHost(domain);
    warnings.push({ kind: "punycode", domain, shown });
    if ([LATIN, CYRILLIC, GREEK].filter((script) => script.test(shown)).length > 1) warnings.push({ kind: "mixedScript", domain: shown });
  }
  const name = (from.name ?? "").trim();
  const inName = /[^\s<>"']+@[^\s<>"']+/.exec(name)?.[0]?.toLowerCase();
  if (inName && inName !== from.address.toLowerCase()) warnings.push({ kind: "nameHasAddress", claimed: inName });
  if (!internal && name && colleagueNames.some((n) => n && sameName(n) === sameName(name))) {
    warnings.push({ kind: "colleagueName", name });
  }
  return warnings;
}
