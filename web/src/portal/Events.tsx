/** Events: browse the log by type, and a live tail from the SSE stream. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, must, type Schemas } from "../api/client";
import { useLoad } from "../components/useLoad";
import { useEventStream, type StreamEvent } from "../components/useEventStream";
import { ProblemBanner } from "../components/ProblemBanner";
import { formatDateTime } from "../i18n/format";

type PlatformEvent = Schemas["PlatformEvent"];

export function Events() {
  const { t } = useTranslation();
  const types = useLoad(() => api.GET("/v1/events/types").then(must).then((page) => page.data), []);
  const [type, setType] = useState("");
  const [after, setAfter] = useState<number | null>(null);
  const list = useLoad(() => api.GET("/v1/events", { params: { query: { limit: 50, ...(type ? { types: [type] } : {}), ...(after ? { after } : {}) } } }).then(must), [type, after]);
  const [tail, setTail] = useState(false);
  const [live, setLive] = useState<StreamEvent[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const names = (types.data ?? []).map((x) => x.type);
  useEventStream(type ? [type] : names, (event) => setLive((prev) => [event, ...prev].slice(0, 200)), tail);
  const row = (e: PlatformEvent | StreamEvent) => (
    <tr key={e.id}>
      <td>{e.sequence}</td><td><code>{e.type}</code></td><td>{formatDateTime(e.occurred_at)}</td>
      <td><button type="button" className="small" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>{t("events.data")}</button>
        {open === e.id && <pre className="json" tabIndex={0}>{JSON.stringify(e.data, null, 2)}</pre>}</td>
    </tr>
  );
  return (
    <section aria-labelledby="ev">
      <h1 id="ev">{t("events.title")}</h1>
      <div className="toolbar">
        <label>{t("events.type")}{" "}
          <select value={type} onChange={(e) => { setType(e.target.value); setAfter(null); }}>
            <option value="">{t("common.all")}</option>
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label className="check"><input type="checkbox" checked={tail} onChange={(e) => setTail(e.target.checked)} />{t("events.liveTail")}</label>
      </div>
      <ProblemBanner problem={list.error} />
      {tail && (
        <>
          <h2>{t("events.live")}</h2>
          <p role="status" aria-live="polite">{t("events.liveCount", { n: live.length })}</p>
          <table data-testid="live"><thead><tr><th>#</th><th>{t("events.type")}</th><th>{t("events.when")}</th><th></th></tr></thead><tbody>{live.map(row)}</tbody></table>
        </>
      )}
      <h2>{t("events.log")}</h2>
      <table><thead><tr><th>#</th><th>{t("events.type")}</th><th>{t("events.when")}</th><th></th></tr></thead>
        <tbody>{(list.data?.data ?? []).map(row)}</tbody></table>
      <nav className="pager" aria-label={t("common.pages")}>
        <button type="button" disabled={!after} onClick={() => setAfter(null)}>{t("events.newest")}</button>
        <button type="button" disabled={!list.data?.data.length} onClick={() => { const d = list.data?.data ?? []; setAfter(d[d.length - 1]?.sequence ?? null); }}>{t("common.next")}</button>
      </nav>
    </section>
  );
}
