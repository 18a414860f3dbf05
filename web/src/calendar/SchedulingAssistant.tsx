/** The scheduling assistant: the busy times of the organiser, the attendees and the rooms on one
 * day side by side (working hours), the proposed slot marked, and suggested free times. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { useSession } from "../app/session";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { findTimes, freeBusy, type FindTimeResult, type Room } from "./calApi";
import { addDays, dayOf, formatDay, formatTime, instantAt, minuteOfDay, type Day } from "./zone";

const FROM = 7 * 60;
const TO = 21 * 60;
const pct = (m: number) => `${((Math.min(TO, Math.max(FROM, m)) - FROM) / (TO - FROM)) * 100}%`;

export function SchedulingAssistant({ people, roomIds, rooms, day, start, duration, zone, onPick }: {
  people: string[]; roomIds: string[]; rooms: Room[]; day: Day; start: number; duration: number; zone: string;
  onPick: (day: Day, start: number, end: number, roomId?: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const lang = i18n.language;
  const self = me?.address ?? "";
  const who = [self, ...people.filter((p) => p !== self)].filter(Boolean);
  const asked = [...who, ...roomIds];
  const from = instantAt(day, 0, zone);
  const to = instantAt(addDays(day, 1), 0, zone);
  const board = useLoad(() => (asked.length ? freeBusy(asked, from, to) : Promise.resolve([])), [asked.join(","), from.getTime()]);
  const [found, setFound] = useState<FindTimeResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const nameOf = (attendee: string) => rooms.find((r) => r.id === attendee)?.name ?? (attendee === self ? t("calendar.assistant.you") : attendee);
  const suggest = async () => {
    setProblem(null);
    try {
      setFound(await findTimes(who, roomIds, from, instantAt(addDays(day, 7), 0, zone), duration, zone));
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const minute = (iso: string, edge: "start" | "end") => {
    const at = new Date(iso);
    if (at <= from) return 0;
    if (at >= to) return 1440;
    return dayOf(at, zone) === day ? minuteOfDay(at, zone) : edge === "start" ? 0 : 1440;
  };
  const hours = Array.from({ length: (TO - FROM) / 60 }, (_, i) => FROM / 60 + i);
  return (
    <section className="cal-assistant" aria-labelledby="fb-title" data-testid="assistant">
      <h3 id="fb-title">{t("calendar.assistant.title", { day: formatDay(day, lang, { dateStyle: "medium" }) })}</h3>
      <ProblemBanner problem={board.error ?? problem} />
      <div className="fb-scroll" tabIndex={0} role="region" aria-label={t("calendar.assistant.caption")}>
        <table className="fb">
          <caption className="sr-only">{t("calendar.assistant.caption")}</caption>
          <thead>
            <tr><th scope="col">{t("calendar.assistant.who")}</th>
              <th scope="col"><div className="fb-hours">{hours.map((h) => <span key={h}>{h}</span>)}</div></th></tr>
          </thead>
          <tbody>
            {(board.data ?? []).map((s) => (
              <tr key={s.attendee} data-attendee={s.attendee}>
                <th scope="row">{nameOf(s.attendee)}{s.type === "room" && <span className="hint"> · {t("calendar.assistant.room")}</span>}</th>
                <td>
                  <div className="fb-track">
                    <span className="fb-slot" style={{ left: pct(start), width: `calc(${pct(start + duration)} - ${pct(start)})` }} />
                    {s.error && <span className="hint">{t("calendar.assistant.unknown")}</span>}
                    {s.busy.map((b) => {
                      const a = minute(b.start, "start");
                      const z = minute(b.end, "end");
                      const label = `${t(`calendar.assistant.${b.status === "tentative" ? "tentative" : "busy"}`)} ${formatTime(new Date(b.start), lang, zone)}–${formatTime(new Date(b.end), lang, zone)}`;
                      return <span key={b.start} className={`fb-busy ${b.status}`} role="img" aria-label={label} title={label}
                        style={{ left: pct(a), width: `calc(${pct(z)} - ${pct(a)})` }} />;
                    })}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t("calendar.assistant.legend")}</p>
      <button type="button" onClick={() => void suggest()} disabled={!who.length}>{t("calendar.assistant.suggest")}</button>
      {found && (
        found.suggestions.length ? (
          <ul className="fb-suggestions" aria-label={t("calendar.assistant.suggestions")} data-testid="suggestions">
            {found.suggestions.map((s) => {
              const a = new Date(s.start);
              const z = new Date(s.end);
              const room = rooms.find((r) => r.id === s.room_id);
              return (
                <li key={`${s.start}-${s.room_id ?? ""}`}>
                  <button type="button" className="small" onClick={() => onPick(dayOf(a, zone), minuteOfDay(a, zone), minuteOfDay(z, zone), s.room_id ?? undefined)}>
                    {new Intl.DateTimeFormat(lang, { weekday: "short", month: "numeric", day: "numeric", timeZone: zone }).format(a)}{" "}
                    {formatTime(a, lang, zone)}–{formatTime(z, lang, zone)}{room ? ` · ${room.name}` : ""}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : <p role="status">{t("calendar.assistant.none")}</p>
      )}
    </section>
  );
}
