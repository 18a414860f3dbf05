/**
 * Civil dates and wall-clock times in the person's IANA time zone, with Intl only (no date
 * library): a day is "YYYY-MM-DD"; instants are Dates; the zone's offset is read per instant,
 * so daylight-saving changes fall where they should.
 */

export type Day = string; // YYYY-MM-DD, a civil date in the person's zone

interface Parts { year: number; month: number; day: number; hour: number; minute: number }

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partFormat(zone: string): Intl.DateTimeFormat {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit",
    });
    partFormats.set(zone, format);
  }
  return format;
}

export function partsIn(instant: Date, zone: string): Parts {
  const out: Record<string, number> = {};
  for (const p of partFormat(zone).formatToParts(instant)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute };
}

const pad = (n: number) => String(n).padStart(2, "0");

export function dayOf(instant: Date, zone: string): Day {
  const p = partsIn(instant, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Minutes since the zone's midnight (0-1439). */
export function minuteOfDay(instant: Date, zone: string): number {
  const p = partsIn(instant, zone);
  return p.hour * 60 + p.minute;
}

function splitDay(day: Day): [number, number, number] {
  const [y, m, d] = day.split("-").map(Number);
  return [y, m, d];
}

/** The instant at `minutes` past midnight of `day` in `zone`. */
export function instantAt(day: Day, minutes: number, zone: string): Date {
  const [y, m, d] = splitDay(day);
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  let guess = wall;
  for (let i = 0; i < 2; i += 1) {
    const p = partsIn(new Date(guess), zone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wall - seen;
  }
  return new Date(guess);
}

export function addDays(day: Day, n: number): Day {
  const [y, m, d] = splitDay(day);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** ISO weekday, Monday 1 … Sunday 7. */
export function weekday(day: Day): number {
  const [y, m, d] = splitDay(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

export function startOfWeek(day: Day): Day {
  return addDays(day, 1 - weekday(day));
}

export function startOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

export function addMonths(day: Day, n: number): Day {
  const [y, m] = splitDay(day);
  const t = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-01`;
}

/** The six weeks (42 days) a month view shows, from the Monday on or before the 1st. */
export function monthGrid(day: Day): Day[] {
  const first = startOfWeek(startOfMonth(day));
  return Array.from({ length: 42 }, (_, i) => addDays(first, i));
}

export type View = "day" | "week" | "month";

/** The days a view shows around `day`. */
export function viewDays(view: View, day: Day): Day[] {
  if (view === "day") return [day];
  if (view === "week") return Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(day), i));
  return monthGrid(day);
}

export function step(view: View, day: Day, direction: 1 | -1): Day {
  if (view === "day") return addDays(day, direction);
  if (view === "week") return addDays(day, 7 * direction);
  return addMonths(day, direction);
}

/** "HH:MM" wall-clock text for an input of type time. */
export function hhmm(minutes: number): string {
  return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

export function minutesOf(text: string): number {
  const [h, m] = text.split(":").map(Number);
  return h * 60 + m;
}

/** Wall-clock text the API reads in `time_zone`: "YYYY-MM-DDTHH:MM:00". */
export function wallClock(day: Day, minutes: number): string {
  return `${day}T${hhmm(minutes)}:00`;
}

export function formatDay(day: Day, locale: string, options: Intl.DateTimeFormatOptions): string {
  const [y, m, d] = splitDay(day);
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

export function formatTime(instant: Date, locale: string, zone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: zone }).format(instant);
}
