/** Dates and times in the person's time zone, sizes, and Chinese-aware name sorting. */
import i18n from "i18next";

export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function formatDateTime(value: string | null | undefined, zone: string = timeZone()): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat(i18n.language || "zh-CN", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: zone,
  }).format(new Date(value));
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "—";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(i18n.language || "zh-CN", { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

const collator = new Intl.Collator("zh-CN", { sensitivity: "base", numeric: true });

/** Sort by a name the way a Chinese reader expects (pinyin order for Han characters). */
export function byName<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(name(a), name(b)));
}
