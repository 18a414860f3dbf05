/** Attendees by address, with suggestions from the person's contacts and the directory. */
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, must, type Schemas } from "../api/client";

export function PeoplePicker({ people, onChange }: { people: string[]; onChange: (p: string[]) => void }) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState("");
  const [hints, setHints] = useState<Schemas["Suggestion"][]>([]);
  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.GET("/v1/contacts/autocomplete", { params: { query: { q, limit: 8 } } }).then(must)
        .then((r) => live && setHints(r.data.filter((s) => s.kind !== "group"))).catch(() => undefined);
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  const add = () => {
    const address = text.trim().replace(/^.*<([^>]+)>$/, "$1");
    if (address && !people.includes(address)) onChange([...people, address]);
    setText("");
  };
  return (
    <fieldset className="cal-attendees">
      <legend>{t("calendar.attendees")}</legend>
      <ul className="cal-people">
        {people.map((p) => (
          <li key={p}>{p} <button type="button" className="small" onClick={() => onChange(people.filter((x) => x !== p))}
            aria-label={t("calendar.removeAttendee", { who: p })}>×</button></li>
        ))}
      </ul>
      <div className="inline">
        <label>{t("calendar.addAttendee")}
          <input type="email" list={listId} value={text} onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); add(); } }} />
        </label>
        <datalist id={listId}>
          {hints.map((h) => <option key={`${h.kind}-${h.id}`} value={h.address}>{h.name}</option>)}
        </datalist>
        <button type="button" onClick={add}>{t("common.add")}</button>
      </div>
    </fieldset>
  );
}
