/** Create or change an event: times in the person's zone, attendees (with autocomplete from
 * contacts and the directory), rooms, repetition, a reminder, and the scheduling assistant. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { createEvent, listRooms, updateEvent, type AttendeeIn, type CalEvent, type Scope } from "./calApi";
import { addDays, dayOf, hhmm, minuteOfDay, minutesOf, wallClock, type Day } from "./zone";
import { isInstance, ScopePicker } from "./EventPanel";
import { PeoplePicker } from "./PeoplePicker";
import { SchedulingAssistant } from "./SchedulingAssistant";

export interface Draft { event?: CalEvent; day: Day; start: number }

const REPEATS = ["", "DAILY", "WEEKLY", "MONTHLY"] as const;
const REMINDERS = ["", "0", "5", "15", "30", "60"] as const;

function freqOf(event?: CalEvent): string {
  return /FREQ=(DAILY|WEEKLY|MONTHLY)/.exec(event?.recurrence?.rrule ?? "")?.[1] ?? "";
}

export function EventEditor({ account, draft, zone, onCancel, onSaved }: {
  account: string; draft: Draft; zone: string; onCancel: () => void; onSaved: () => void;
}) {
  const { t } = useTranslation();
  const ev = draft.event;
  const rooms = useLoad(() => listRooms(), []);
  const [title, setTitle] = useState(ev?.title ?? "");
  const [day, setDay] = useState<Day>(ev ? dayOf(new Date(ev.start_at), zone) : draft.day);
  const [start, setStart] = useState(ev ? minuteOfDay(new Date(ev.start_at), zone) : draft.start);
  const [end, setEnd] = useState(ev ? minuteOfDay(new Date(ev.end_at), zone) : draft.start + 60);
  const [location, setLocation] = useState(ev?.location ?? "");
  const [description, setDescription] = useState(ev?.description ?? "");
  const [people, setPeople] = useState<string[]>(ev ? ev.attendees.filter((a) => a.type === "person").map((a) => a.address) : []);
  const [roomIds, setRoomIds] = useState<string[]>(ev ? ev.attendees.filter((a) => a.room_id).map((a) => a.room_id!) : []);
  const [repeat, setRepeat] = useState(freqOf(ev));
  const [reminder, setReminder] = useState(ev?.reminders[0] ? String(ev.reminders[0].minutes_before) : "15");
  const [scope, setScope] = useState<Scope>("this");
  const [assistant, setAssistant] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const duration = end > start ? end - start : end + 1440 - start;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    const attendees: AttendeeIn[] = [
      ...people.map((address) => ({ address, type: "person" as const, role: "required" as const })),
      ...roomIds.map((room_id) => ({ room_id, type: "room" as const, role: "non_participant" as const })),
    ];
    const endDay = end > start ? day : addDays(day, 1);
    const common = {
      title, location, description, attendees, time_zone: zone,
      start: wallClock(day, start), end: wallClock(endDay, end),
      reminders: reminder ? [{ method: "display" as const, minutes_before: Number(reminder) }] : [],
    };
    const recurrence = repeat ? { rrule: `FREQ=${repeat}` } : null;
    try {
      if (ev) {
        const changed = repeat !== freqOf(ev) ? { recurrence } : {};
        await updateEvent(account, ev.id, { ...common, ...changed, send_invitations: true }, isInstance(ev) ? scope : undefined);
      } else {
        await createEvent(account, { ...common, recurrence, send_invitations: true });
      }
      onSaved();
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel cal-editor" aria-labelledby="ed-title" onSubmit={(e) => void submit(e)} data-testid="event-editor">
      <h2 id="ed-title">{ev ? t("calendar.editTitle") : t("calendar.newTitle")}</h2>
      <div className="grid">
        <label className="wide">{t("calendar.eventTitle")}<input required value={title} onChange={(e) => setTitle(e.target.value)} /></label>
        <label>{t("calendar.date")}<input type="date" required value={day} onChange={(e) => e.target.value && setDay(e.target.value)} /></label>
        <label>{t("calendar.start")}<input type="time" required step={300} value={hhmm(start)} onChange={(e) => {
          const next = minutesOf(e.target.value);
          setEnd((next + duration) % 1440);
          setStart(next);
        }} /></label>
        <label>{t("calendar.end")}<input type="time" required step={300} value={hhmm(end)} onChange={(e) => setEnd(minutesOf(e.target.value))} /></label>
        <label>{t("calendar.location")}<input value={location} onChange={(e) => setLocation(e.target.value)} /></label>
        <label>{t("calendar.repeat")}
          <select value={repeat} onChange={(e) => setRepeat(e.target.value)}>
            {REPEATS.map((r) => <option key={r} value={r}>{t(`calendar.repeatEvery.${r || "none"}`)}</option>)}
          </select>
        </label>
        <label>{t("calendar.reminder")}
          <select value={reminder} onChange={(e) => setReminder(e.target.value)}>
            {REMINDERS.map((r) => <option key={r} value={r}>{r === "" ? t("calendar.noReminder") : r === "0" ? t("calendar.atStart") : t("calendar.minutesBefore", { count: Number(r) })}</option>)}
          </select>
        </label>
        <label className="wide">{t("calendar.description")}<textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} /></label>
      </div>
      <PeoplePicker people={people} onChange={setPeople} />
      <fieldset className="cal-rooms">
        <legend>{t("calendar.rooms")}</legend>
        {(rooms.data ?? []).map((r) => (
          <label key={r.id} className="check">
            <input type="checkbox" checked={roomIds.includes(r.id)}
              onChange={(e) => setRoomIds(e.target.checked ? [...roomIds, r.id] : roomIds.filter((x) => x !== r.id))} />
            {r.name} <span className="hint">{t("calendar.capacity", { count: r.capacity })}</span>
          </label>
        ))}
        {rooms.data && rooms.data.length === 0 && <p className="hint">{t("calendar.noRooms")}</p>}
      </fieldset>
      <button type="button" aria-expanded={assistant} onClick={() => setAssistant(!assistant)}>{t("calendar.assistant.open")}</button>
      {assistant && (
        <SchedulingAssistant people={people} roomIds={roomIds} rooms={rooms.data ?? []} day={day} start={start}
          duration={duration} zone={zone}
          onPick={(d, s, e, roomId) => {
            setDay(d);
            setStart(s);
            setEnd(e);
            if (roomId) setRoomIds([roomId]);
          }} />
      )}
      {ev && isInstance(ev) && <ScopePicker value={scope} onChange={setScope} />}
      <ProblemBanner problem={problem} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{t(people.length || roomIds.length ? "calendar.saveAndSend" : "common.save")}</button>
        <button type="button" onClick={onCancel}>{t("common.cancel")}</button>
      </div>
    </form>
  );
}
