/** A recipients field: addresses as removable chips, suggestions from the person's contacts,
 * the company directory and groups as they type (arrow keys, Enter or Tab to pick). */
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { suggest, type Suggestion } from "./composeApi";

const SPLIT = /[,;，；\s]+/;

export function RecipientField({ label, value, onChange, autoFocus }: {
  label: string; value: string[]; onChange: (next: string[]) => void; autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [options, setOptions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);
  const list = useId();

  useEffect(() => {
    const q = text.trim();
    if (q.length < 1) { setOptions([]); return; }
    const timer = setTimeout(() => {
      suggest(q).then((found) => { setOptions(found); setActive(0); }).catch(() => setOptions([]));
    }, 150);
    return () => clearTimeout(timer);
  }, [text]);

  const add = (addresses: string[]) => {
    const fresh = addresses.map((a) => a.trim()).filter((a) => a && !value.includes(a));
    if (fresh.length) onChange([...value, ...fresh]);
    setText("");
    setOptions([]);
  };
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && options.length) { e.preventDefault(); setActive((i) => (i + 1) % options.length); }
    else if (e.key === "ArrowUp" && options.length) { e.preventDefault(); setActive((i) => (i - 1 + options.length) % options.length); }
    else if ((e.key === "Enter" || e.key === "Tab") && options.length && text.trim()) { e.preventDefault(); add([options[active].address]); }
    else if ((e.key === "Enter" || e.key === "," || e.key === ";") && text.trim()) { e.preventDefault(); add(text.split(SPLIT)); }
    else if (e.key === "Backspace" && !text && value.length) onChange(value.slice(0, -1));
    else if (e.key === "Escape") setOptions([]);
  };
  return (
    <div className="recipients">
      <label>
        <span>{label}</span>
        <span className="chips">
          {value.map((a) => (
            <span className="chip" key={a}>
              {a}
              <button type="button" aria-label={t("compose.removeRecipient", { address: a })} onClick={() => onChange(value.filter((x) => x !== a))}>×</button>
            </span>
          ))}
          <input
            value={text} autoFocus={autoFocus} role="combobox" aria-expanded={options.length > 0}
            aria-controls={list} aria-autocomplete="list" autoComplete="off"
            aria-activedescendant={options.length ? `${list}-${active}` : undefined}
            onChange={(e) => setText(e.target.value)} onKeyDown={keys}
            onBlur={() => { if (text.trim()) add(text.split(SPLIT)); }}
          />
        </span>
      </label>
      {options.length > 0 && (
        <ul id={list} role="listbox" className="suggestions" aria-label={t("compose.suggestions")}>
          {options.map((o, i) => (
            <li
              key={`${o.kind}:${o.id}`} id={`${list}-${i}`} role="option" aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); add([o.address]); }}
            >
              <strong>{o.name || o.address}</strong> <span>{o.address}</span>{" "}
              <small>{t(`compose.kind.${o.kind}`)}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
