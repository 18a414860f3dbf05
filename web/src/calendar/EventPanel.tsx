/** One event: when, where, who (with their answers); answer an invitation, or edit and delete
 * (for a repeating event: this one, this and following, or the whole series). */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { ProblemBanner } from "../components/ProblemBanner";
import { deleteEvent, respond, type Answer, type CalEvent, type Scope } from "./calApi";
import { formatTime } from "./zone";

export const ANSWERS: Answer[] = ["accepted", "tentative", "declined"];

export function isInstance(event: CalEvent): boolean {
  return !!(event.recurrence_id || event.series_id || event.recurrence);
}

export function ScopePicker({ value, onChange }: { value: Scope; onChange: (s: Scope) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="cal-scope">
      <legend>{t("calendar.scope.legend")}</legend>
      {(["this", "following", "series"] as Scope[]).map((s) => (
        <label key={s} className="check">
          <input type="radio" name="scope" value={s} checked={value === s} onChange={() => onChange(s)} />
          {t(`calendar.scope.${s}`)}
        </label>
      ))}
    </fieldset>
  );
}

export function AnswerBadge({ answer }: { answer: string }) {
  const { t } = useTranslation();
  const tone = answer === "accepted" ? "good" : answer === "declined" ? "bad" : answer === "tentative" ? "warn" : "muted";
  return <span className={`badge ${tone}`} data-answer={answer}>{t(`calendar.answer.${answer}`, { defaultValue: answer })}</span>;
}

export function EventPanel({ account, event, zone, onClose, onChanged, onEdit }: {
  account: string; event: CalEvent; zone: string; onClose: () => void; onChanged: () => void; onEdit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [scope, setScope] = useState<Scope>("this");
  const [answer, setAnswer] = useState(event.response);
  const lang = i18n.language;
  const start = new Date(event.start_at);
  const when = event.all_day
    ? new Intl.DateTimeFormat(lang, { dateStyle: "full", timeZone: zone }).format(start)
    : `${new Intl.DateTimeFormat(lang, { dateStyle: "full", timeZone: zone }).format(start)} ${formatTime(start, lang, zone)}–${formatTime(new Date(event.end_at), lang, zone)}`;
  const act = async (fn: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await fn();
      onChanged();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const people = event.attendees.filter((a) => a.type === "person");
  const rooms = event.attendees.filter((a) => a.type !== "person");
  return (
    <section className="panel cal-panel" aria-labelledby="ev-title" data-testid="event-panel">
      <h2 id="ev-title">{event.title || t("calendar.noTitle")}</h2>
      <dl className="facts">
        <dt>{t("calendar.when")}</dt><dd>{when}</dd>
        {event.recurrence?.rrule && <><dt>{t("calendar.repeat")}</dt><dd>{t("calendar.repeats")}</dd></>}
        {event.location && <><dt>{t("calendar.location")}</dt><dd>{event.location}</dd></>}
        {event.organizer && <><dt>{t("calendar.organizer")}</dt><dd>{event.organizer.name || event.organizer.address}</dd></>}
        {rooms.length > 0 && <><dt>{t("calendar.rooms")}</dt><dd>{rooms.map((r) => <span key={r.address} className="cal-person">{r.name || r.address} <AnswerBadge answer={r.response ?? "needs_action"} /></span>)}</dd></>}
        {people.length > 0 && (
          <><dt>{t("calendar.attendees")}</dt>
            <dd><ul className="cal-people" data-testid="attendee-answers">
              {people.map((a) => <li key={a.address} data-address={a.address}>{a.name || a.address} <AnswerBadge answer={a.response ?? "needs_action"} /></li>)}
            </ul></dd></>
        )}
        {event.description && <><dt>{t("calendar.description")}</dt><dd className="wrap">{event.description}</dd></>}
      </dl>
      <ProblemBanner problem={problem} />
      {!event.is_organizer && (
        <div className="actions" role="group" aria-label={t("calendar.yourAnswer")}>
          <span>{t("calendar.yourAnswer")}: <AnswerBadge answer={answer} /></span>
          {ANSWERS.map((a) => (
            <button key={a} type="button" aria-pressed={answer === a}
              onClick={() => void act(async () => { await respond(account, event.id, a); setAnswer(a); })}>
              {t(`calendar.respond.${a}`)}
            </button>
          ))}
        </div>
      )}
      {isInstance(event) && event.is_organizer && <ScopePicker value={scope} onChange={setScope} />}
      <div className="actions">
        {event.is_organizer && <button type="button" onClick={onEdit}>{t("calendar.edit")}</button>}
        <button type="button" className="danger" onClick={() => window.confirm(t("calendar.deleteConfirm")) &&
          void act(() => deleteEvent(account, event.id, isInstance(event) ? scope : undefined))}>{t("common.delete")}</button>
        <button type="button" onClick={onClose}>{t("calendar.close")}</button>
      </div>
    </section>
  );
}
