/** The month view: six weeks from the Monday on or before the 1st, a few events per day. */
import { useTranslation } from "react-i18next";
import type { CalEvent } from "./calApi";
import { dayOf, formatDay, type Day } from "./zone";
import { EventChip, eventsOn } from "./TimeGrid";

const SHOWN = 3;

export function MonthGrid({ days, month, events, zone, onOpen, onDay }: {
  days: Day[]; month: string; events: CalEvent[]; zone: string; onOpen: (e: CalEvent) => void; onDay: (d: Day) => void;
}) {
  const { t, i18n } = useTranslation();
  const today = dayOf(new Date(), zone);
  return (
    <div className="cal-month" data-testid="cal-month">
      {days.slice(0, 7).map((d) => (
        <div key={d} className="cal-weekday" aria-hidden="true">{formatDay(d, i18n.language, { weekday: "short" })}</div>
      ))}
      {days.map((d) => {
        const mine = eventsOn(d, events, zone);
        const cls = ["cal-cell", d.slice(0, 7) === month ? "" : "other", d === today ? "today" : ""].join(" ");
        return (
          <div key={d} className={cls}>
            <button type="button" className="link cal-date" onClick={() => onDay(d)}
              aria-label={formatDay(d, i18n.language, { dateStyle: "full" })}>
              {Number(d.slice(8))}
            </button>
            {mine.slice(0, SHOWN).map((e) => <EventChip key={e.id} event={e} zone={zone} onOpen={onOpen} />)}
            {mine.length > SHOWN && (
              <button type="button" className="link small" onClick={() => onDay(d)}>{t("calendar.more", { count: mine.length - SHOWN })}</button>
            )}
          </div>
        );
      })}
    </div>
  );
}
