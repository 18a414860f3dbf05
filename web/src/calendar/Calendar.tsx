/** The calendar: day, week and month views in the person's time zone, with the event panel
 * and the editor (which holds the scheduling assistant). The view and date live in the URL. */
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { useSession } from "../app/session";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { useZone } from "./useZone";
import { listEvents, type CalEvent } from "./calApi";
import { addDays, dayOf, formatDay, instantAt, step, viewDays, type Day, type View } from "./zone";
import { TimeGrid } from "./TimeGrid";
import { MonthGrid } from "./MonthGrid";
import { EventPanel } from "./EventPanel";
import { EventEditor, type Draft } from "./EventEditor";
import "./calendar.css";

const VIEWS: View[] = ["day", "week", "month"];

export function Calendar() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const account = me?.account_id ?? "";
  const zone = useZone();
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as string[]).includes(params.get("view") ?? "") ? (params.get("view") as View) : "week";
  const date: Day = /^\d{4}-\d{2}-\d{2}$/.test(params.get("date") ?? "") ? params.get("date")! : dayOf(new Date(), zone);
  const days = useMemo(() => viewDays(view, date), [view, date]);
  const start = instantAt(days[0], 0, zone);
  const end = instantAt(addDays(days[days.length - 1], 1), 0, zone);
  const events = useLoad(() => listEvents(account, start, end), [account, start.getTime(), end.getTime()]);
  const [selected, setSelected] = useState<CalEvent | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);

  const go = (next: { view?: View; date?: Day }) => {
    const p = new URLSearchParams(params);
    p.set("view", next.view ?? view);
    p.set("date", next.date ?? date);
    setParams(p);
  };
  const lang = i18n.language;
  const heading = view === "month"
    ? formatDay(date, lang, { year: "numeric", month: "long" })
    : view === "day"
      ? formatDay(date, lang, { dateStyle: "full" })
      : `${formatDay(days[0], lang, { month: "short", day: "numeric" })} – ${formatDay(days[6], lang, { year: "numeric", month: "short", day: "numeric" })}`;
  const saved = () => {
    setDraft(null);
    setSelected(null);
    events.reload();
  };

  return (
    <section aria-labelledby="cal-title" className="cal">
      <h1 id="cal-title">{t("calendar.title")}</h1>
      <div className="toolbar cal-bar" role="toolbar" aria-label={t("calendar.navigation")}>
        <button type="button" onClick={() => go({ date: step(view, date, -1) })}>{t(`calendar.prev.${view}`)}</button>
        <button type="button" onClick={() => go({ date: dayOf(new Date(), zone) })}>{t("calendar.today")}</button>
        <button type="button" onClick={() => go({ date: step(view, date, 1) })}>{t(`calendar.next.${view}`)}</button>
        <span className="cal-views">
          {VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={v === view} onClick={() => go({ view: v })}>{t(`calendar.view.${v}`)}</button>
          ))}
        </span>
        <label>
          <span className="sr-only">{t("calendar.goTo")}</span>
          <input type="date" aria-label={t("calendar.goTo")} value={date} onChange={(e) => e.target.value && go({ date: e.target.value })} />
        </label>
        <button type="button" className="primary" onClick={() => setDraft({ day: view === "month" ? date : days[0], start: 9 * 60 })}>
          {t("calendar.new")}
        </button>
      </div>
      <h2 className="cal-heading" aria-live="polite" data-testid="cal-heading">{heading}</h2>
      <p className="hint">{t("calendar.zone", { zone })}</p>
      <ProblemBanner problem={events.error} />
      {view === "month" ? (
        <MonthGrid days={days} month={date.slice(0, 7)} events={events.data ?? []} zone={zone}
          onOpen={setSelected} onDay={(d) => go({ view: "day", date: d })} />
      ) : (
        <TimeGrid days={days} events={events.data ?? []} zone={zone} onOpen={setSelected}
          onSlot={(d, minutes) => setDraft({ day: d, start: minutes })} />
      )}
      {selected && !draft && (
        <EventPanel account={account} event={selected} zone={zone} onClose={() => setSelected(null)}
          onChanged={saved} onEdit={() => setDraft({ event: selected, day: dayOf(new Date(selected.start_at), zone), start: 0 })} />
      )}
      {draft && <EventEditor account={account} draft={draft} zone={zone} onCancel={() => setDraft(null)} onSaved={saved} />}
    </section>
  );
}
