/** In-app reminders: when an event's alarm time comes (its start less the reminder's minutes),
 * a notice shows until it is dismissed. Time is read from Date.now() and timers only, so a test
 * drives it with the browser's clock (Playwright's page.clock). */
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useSession } from "../app/session";
import { listEvents, type CalEvent } from "./calApi";
import { dayOf, formatTime } from "./zone";
import { useZone } from "./useZone";
import "./notices.css";

const TICK = 15_000;
const RELOAD = 5 * 60_000;
const KEY = "mailplane.reminders.dismissed";

interface Due { key: string; event: CalEvent }

export function dueReminders(events: CalEvent[], now: number, dismissed: Set<string>): Due[] {
  return events.flatMap((event) => {
    const start = new Date(event.start_at).getTime();
    const end = new Date(event.end_at).getTime();
    const key = `${event.id}@${event.start_at}`;
    const due = event.reminders.some((r) => start - r.minutes_before * 60_000 <= now);
    return due && now < end && !dismissed.has(key) && event.response !== "declined" ? [{ key, event }] : [];
  });
}

function readDismissed(): Set<string> {
  try {
    return new Set(JSON.parse(globalThis.localStorage?.getItem(KEY) ?? "[]") as string[]);
  } catch {
    return new Set();
  }
}

export function Reminders() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const zone = useZone();
  const account = me?.account_id ?? "";
  const [events, setEvents] = useState<CalEvent[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const [dismissed, setDismissed] = useState(readDismissed);
  const load = useCallback(() => {
    const at = Date.now();
    listEvents(account, new Date(at - 60 * 60_000), new Date(at + 25 * 60 * 60_000)).then(setEvents).catch(() => undefined);
  }, [account]);
  useEffect(() => {
    if (!account) return;
    load();
    const reload = setInterval(load, RELOAD);
    const tick = setInterval(() => setNow(Date.now()), TICK);
    return () => {
      clearInterval(reload);
      clearInterval(tick);
    };
  }, [account, load]);
  const due = dueReminders(events, now, dismissed);
  if (!due.length) return null;
  const dismiss = (key: string) => {
    const next = new Set(dismissed).add(key);
    globalThis.localStorage?.setItem(KEY, JSON.stringify([...next].slice(-200)));
    setDismissed(next);
  };
  return (
    <aside className="reminders" aria-label={t("calendar.reminders")} data-testid="reminders">
      <ul>
        {due.map(({ key, event }) => (
          <li key={key} role="alert">
            <strong>{event.title || t("calendar.noTitle")}</strong>{" "}
            {t("calendar.reminderAt", { time: formatTime(new Date(event.start_at), i18n.language, zone) })}
            {event.location && ` · ${event.location}`}{" "}
            <Link to={`/calendar?view=day&date=${dayOf(new Date(event.start_at), zone)}`}>{t("calendar.invite.open")}</Link>{" "}
            <button type="button" className="small" onClick={() => dismiss(key)}>{t("calendar.dismiss")}</button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
