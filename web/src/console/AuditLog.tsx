/** The audit log, filterable by actor, action, target and time, paginated. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, must } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { Pager } from "../components/Pager";
import { formatDateTime } from "../i18n/format";

const EMPTY = { action: "", actor_id: "", target_id: "", since: "", until: "" };

export function AuditLog() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(EMPTY);
  const [filters, setFilters] = useState(EMPTY);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const list = useLoad(() => {
    const query: Record<string, string | number> = { limit: 50 };
    for (const [k, v] of Object.entries(filters)) if (v) query[k] = k === "since" || k === "until" ? new Date(v).toISOString() : v;
    if (cursor) query.cursor = cursor;
    return api.GET("/v1/audit/entries", { params: { query } }).then(must);
  }, [filters, cursor]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setCursors([null]);
    setFilters(draft);
  };
  const field = (key: keyof typeof EMPTY, type = "text") => (
    <label>{t(`audit.${key}`)} <input type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} /></label>
  );
  return (
    <section aria-labelledby="aud">
      <h1 id="aud">{t("audit.title")}</h1>
      <form className="toolbar" onSubmit={apply} aria-label={t("audit.filters")}>
        {field("action")}{field("actor_id")}{field("target_id")}{field("since", "datetime-local")}{field("until", "datetime-local")}
        <button type="submit" className="primary">{t("audit.apply")}</button>
      </form>
      <ProblemBanner problem={list.error} />
      <div className="scroll">
        <table data-testid="audit">
          <thead><tr><th>{t("audit.when")}</th><th>{t("audit.action")}</th><th>{t("audit.actor_id")}</th><th>{t("audit.target_id")}</th><th>{t("audit.result")}</th><th>{t("audit.ip")}</th></tr></thead>
          <tbody>
            {(list.data?.data ?? []).map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.occurred_at)}</td><td><code>{e.action}</code></td>
                <td>{e.actor_type}{e.actor_id ? `: ${e.actor_id}` : ""}</td>
                <td>{e.target_type ? `${e.target_type}: ${e.target_id ?? ""}` : "—"}</td>
                <td>{e.result}</td><td>{e.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager cursors={cursors} next={list.data?.next_cursor} onPage={setCursors} />
    </section>
  );
}
