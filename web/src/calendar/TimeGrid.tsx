/** Day and week views: one column per day, an hour per row, events placed by their times in
 * the person's zone; all-day events above. Clicking an empty hour starts a new event there. */
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { CalEvent } from "./calApi";
import { dayOf, formatDay, formatTime, instantAt, addDays, minuteOfDay, type Day } from "./zone";

const HOUR = 48; // px per hour

export function eventsOn(day: Day, events: CalEvent[], zone: string): CalEvent[] {
  const from = instantAt(day, 0, zone).getTime();
  const to = instantAt(addDays(day, 1), 0, zone).getTime();
  return events.filter((e) => new Date(e.start_at).getTime() < to && new Date(e.end_at).getTime() > from);
}

export function EventChip({ event, zone, onOpen, style }: {
  event: CalEvent; zone: string; onOpen: (e: CalEvent) => void; style?: React.CSSProperties;
}) {
  const { t, i18n } = useTranslation();
  const when = event.all_day ? t("calendar.allDay") : `${formatTime(new Date(event.start_at), i18n.language, zone)}–${formatTime(new Date(event.end_at), i18n.language, zone)}`;
  const cls = `cal-event${event.response === "needs_action" ? " pending" : ""}${event.response === "declined" ? " declined" : ""}`;
  return (
    <button type="button" className={cls} style={style} onClick={(e) => { e.stopPropagation(); onOpen(event); }}
      data-testid="cal-event" title={`${when} ${event.title}`}>
      <span className="cal-when">{when}</span> <span className="cal-what">{event.title || t("calendar.noTitle")}</span>
      {event.recurrence_id && <span className="sr-only"> {t("calendar.repeats")}</span>}
    </button>
  );
}

export function TimeGrid({ days, events, zone, onOpen, onSlot }: {
  days: Day[]; events: CalEvent[]; zone: string; onOpen: (e: CalEvent) => void; onSlot: (day: Day, minutes: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 8 * HOUR;
  }, []);
  const today = dayOf(new Date(), zone);
  return (
    <div className="cal-grid" data-testid="cal-timegrid" style={{ ["--days" as string]: days.length }}>
      <div className="cal-head">
        <span />
        {days.map((d) => (
          <div key={d} className={d === today ? "cal-dayname today" : "cal-dayname"}>
            {formatDay(d, i18n.language, { weekday: "short", month: "numeric", day: "numeric" })}
            <div className="cal-allday">
              {eventsOn(d, events, zone).filter((e) => e.all_day).map((e) => <EventChip key={e.id} event={e} zone={zone} onOpen={onOpen} />)}
            </div>
          </div>
        ))}
      </div>
      <div className="cal-body" ref={scroller} tabIndex={0} role="region" aria-label={t("calendar.hours")}>
        <div className="cal-hours" aria-hidden="true">
          {Array.from({ length: 24 }, (_, h) => <span key={h} style={{ height: HOUR }}>{String(h).padStart(2, "0")}:00</span>)}
        </div>
        {days.map((d) => (
          <div key={d} className="cal-col" style={{ height: 24 * HOUR }} data-day={d}
            onClick={(e) => {
              const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
              onSlot(d, Math.max(0, Math.min(23, Math.floor(y / HOUR))) * 60);
            }}>
            {eventsOn(d, events, zone).filter((e) => !e.all_day).map((e) => {
              const from = Math.max(instantAt(d, 0, zone).getTime(), new Date(e.start_at).getTime());
              const to = Math.min(instantAt(addDays(d, 1), 0, zone).getTime(), new Date(e.end_at).getTime());
              const top = dayOf(new Date(from), zone) === d ? minuteOfDay(new Date(from), zone) : 0;
              const height = Math.max(22, ((to - from) / 60000) * (HOUR / 60));
              return <EventChip key={e.id} event={e} zone={zone} onOpen={onOpen} style={{ top: (top * HOUR) / 60, height }} />;
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
