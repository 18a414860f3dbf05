/** Mailbox migration (邮箱搬家): start a job, live per-account progress from the event
 * stream (not polling), failures with reasons, cancel and retry. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, must, problemOf, type Problem, type Schemas } from "../api/client";
import { useLoad } from "../components/useLoad";
import { useEventStream } from "../components/useEventStream";
import { ProblemBanner } from "../components/ProblemBanner";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../i18n/format";

type Counts = Schemas["MigrationCounts"];
const STREAM = ["directory.migration.progress", "directory.migration.completed", "directory.migration.failed", "directory.migration.cancelled"];

export function Migrations() {
  const { t } = useTranslation();
  const list = useLoad(() => api.GET("/v1/directory/migrations", { params: { query: { limit: 50 } } }).then(must), []);
  const [live, setLive] = useState<Record<string, { status: string; counts: Counts }>>({});
  const [open, setOpen] = useState<string | null>(null);
  const detail = useLoad(async () => {
    if (!open) return null;
    const path = { params: { path: { migration_id: open }, query: { limit: 200 } } };
    const [accounts, failures] = await Promise.all([
      api.GET("/v1/directory/migrations/{migration_id}/accounts", path).then(must),
      api.GET("/v1/directory/migrations/{migration_id}/failures", path).then(must),
    ]);
    return { accounts, failures };
  }, [open]);
  useEventStream(STREAM, (event) => {
    const data = event.data as { id?: string; status?: string; counts?: Counts };
    if (data.id && data.counts) setLive((prev) => ({ ...prev, [data.id as string]: { status: data.status ?? "running", counts: data.counts as Counts } }));
    if (event.type !== "directory.migration.progress") {
      list.reload();
      detail.reload();
    }
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [form, setForm] = useState({ host: "", port: "", protocol: "imap", security: "tls", verify_tls: true, username: "", password: "", account: "", csv: "" });
  const set = (key: keyof typeof form) => (e: { target: { value: string; checked?: boolean; type?: string } }) =>
    setForm({ ...form, [key]: e.target.type === "checkbox" ? !!e.target.checked : e.target.value });
  const start = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const body = form.csv.trim()
        ? { csv: form.csv }
        : {
            accounts: [{
              account: form.account,
              source: {
                host: form.host, port: form.port ? Number(form.port) : null, protocol: form.protocol as "imap",
                security: form.security as "tls", verify_tls: form.verify_tls, username: form.username, password: form.password,
              },
            }],
          };
      must(await api.POST("/v1/directory/migrations", { body }));
      list.reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const cancel = async (id: string) => {
    try {
      must(await api.POST("/v1/directory/migrations/{migration_id}/cancel", { params: { path: { migration_id: id } } }));
      list.reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  return (
    <section aria-labelledby="mig">
      <h1 id="mig">{t("migrations.title")}</h1>
      <form className="panel grid" onSubmit={start} aria-label={t("migrations.start")}>
        <label>{t("migrations.host")}<input value={form.host} onChange={set("host")} /></label>
        <label>{t("migrations.port")}<input type="number" value={form.port} onChange={set("port")} /></label>
        <label>{t("migrations.protocol")}<select value={form.protocol} onChange={set("protocol")}><option value="imap">IMAP</option><option value="pop3">POP3</option></select></label>
        <label>{t("migrations.security")}<select value={form.security} onChange={set("security")}>
          <option value="tls">TLS</option><option value="starttls">STARTTLS</option><option value="none">{t("migrations.plain")}</option></select></label>
        <label className="check"><input type="checkbox" checked={form.verify_tls} onChange={set("verify_tls")} />{t("migrations.verifyTls")}</label>
        <label>{t("migrations.username")}<input value={form.username} onChange={set("username")} autoComplete="off" /></label>
        <label>{t("migrations.password")}<input type="password" value={form.password} onChange={set("password")} autoComplete="off" /></label>
        <label>{t("migrations.account")}<input type="email" value={form.account} onChange={set("account")} /></label>
        <label className="wide">{t("migrations.csv")}<textarea rows={3} value={form.csv} onChange={set("csv")} /></label>
        <div className="actions"><button type="submit" className="primary">{t("migrations.start")}</button></div>
      </form>
      <ProblemBanner problem={list.error ?? problem} />
      <table>
        <thead><tr><th>{t("migrations.job")}</th><th>{t("migrations.status")}</th><th>{t("migrations.progress")}</th><th>{t("migrations.created")}</th><th></th></tr></thead>
        <tbody>
          {(list.data?.data ?? []).map((m) => {
            const now = live[m.id] ?? { status: m.status, counts: m.counts };
            const c = now.counts;
            const total = c.messages_total || 0;
            return (
              <tr key={m.id} data-migration={m.id} data-status={now.status}>
                <td><button type="button" className="link" aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>{m.id}</button></td>
                <td><StatusBadge status={now.status} /></td>
                <td>
                  <progress max={total || 1} value={c.messages_done ?? 0} aria-label={t("migrations.progressOf", { id: m.id })} />{" "}
                  {t("migrations.counts", { done: c.messages_done ?? 0, total, failed: c.messages_failed ?? 0 })}
                </td>
                <td>{formatDateTime(m.created_at)}</td>
                <td>{(now.status === "running" || now.status === "queued") && <button type="button" className="small" onClick={() => void cancel(m.id)}>{t("common.cancel")}</button>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {open && detail.data && (
        <div className="panel">
          <h2>{t("migrations.accounts")}</h2>
          <ul>
            {detail.data.accounts.data.map((a) => (
              <li key={a.id}>{a.address} <StatusBadge status={a.status} /> {a.messages_done}/{a.messages_total} {a.error && <span className="error">{a.error}</span>}</li>
            ))}
          </ul>
          <h2>{t("migrations.failures")}</h2>
          {detail.data.failures.data.length === 0 && <p>{t("migrations.noFailures")}</p>}
          <ul>{detail.data.failures.data.map((f) => <li key={f.id}>{f.folder} #{f.uid}: {f.reason} <code>{f.code}</code></li>)}</ul>
        </div>
      )}
    </section>
  );
}
