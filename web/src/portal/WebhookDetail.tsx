/** One webhook endpoint: send test event, the delivery log with each attempt, redeliver,
 * replay from a sequence, secret rotation, the auto-disabled state and re-enable. */
import { useState } from "react";
import { useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, must, problemOf, type Problem } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { StatusBadge } from "../components/StatusBadge";
import { CopyButton } from "../components/CopyButton";
import { formatDateTime } from "../i18n/format";

export function WebhookDetail() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const path = { params: { path: { webhook_id: id } } };
  const hook = useLoad(() => api.GET("/v1/webhooks/{webhook_id}", path).then(must), [id]);
  const log = useLoad(() => api.GET("/v1/webhooks/{webhook_id}/deliveries", { params: { path: { webhook_id: id }, query: { limit: 50 } } }).then(must), [id]);
  const [open, setOpen] = useState<string | null>(null);
  const attempts = useLoad(
    () => (open ? api.GET("/v1/webhooks/{webhook_id}/attempts", { params: { path: { webhook_id: id }, query: { event_id: open, limit: 50 } } }).then(must) : Promise.resolve(null)),
    [id, open],
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [note, setNote] = useState("");
  const act = async (fn: () => Promise<unknown>, done?: string) => {
    setProblem(null);
    try {
      await fn();
      if (done) setNote(done);
      hook.reload();
      log.reload();
      attempts.reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const w = hook.data;
  return (
    <section aria-labelledby="whd">
      <h1 id="whd">{w?.url ?? id}</h1>
      <ProblemBanner problem={hook.error ?? problem} />
      {w && (
        <>
          <p><StatusBadge status={w.status} /> {w.disabled_reason && t("webhooks.disabledBecause", { reason: w.disabled_reason })}
            {w.failing_since && ` ${t("webhooks.failingSince", { when: formatDateTime(w.failing_since) })}`}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void act(async () => must(await api.POST("/v1/webhooks/{webhook_id}/test", path)), t("webhooks.testQueued"))}>{t("webhooks.sendTest")}</button>
            {w.status !== "enabled" && <button type="button" onClick={() => void act(async () => must(await api.POST("/v1/webhooks/{webhook_id}/enable", path)))}>{t("webhooks.enable")}</button>}
            {w.status === "enabled" && <button type="button" onClick={() => void act(async () => must(await api.POST("/v1/webhooks/{webhook_id}/disable", path)))}>{t("webhooks.disable")}</button>}
            <button type="button" onClick={() => void act(async () => setSecret(must(await api.POST("/v1/webhooks/{webhook_id}/secrets", { ...path, body: { grace_seconds: 86400 } })).secret ?? null))}>{t("webhooks.rotate")}</button>
            <button type="button" onClick={() => log.reload()}>{t("common.refresh")}</button>
          </div>
          <p role="status" aria-live="polite">{note}</p>
          {secret && <p className="secret">{t("webhooks.secretOnce")} <code>{secret}</code> <CopyButton value={secret} label={t("webhooks.secret")} /></p>}
          <form className="inline" onSubmit={(e) => { e.preventDefault(); void act(async () => must(await api.POST("/v1/webhooks/{webhook_id}/replay", { ...path, body: { from_sequence: Number(from), to_sequence: Number(to) } })), t("webhooks.replayQueued")); }}>
            <label>{t("webhooks.fromSequence")} <input type="number" min="1" required value={from} onChange={(e) => setFrom(e.target.value)} /></label>
            <label>{t("webhooks.toSequence")} <input type="number" min="1" required value={to} onChange={(e) => setTo(e.target.value)} /></label>
            <button type="submit">{t("webhooks.replay")}</button>
          </form>
        </>
      )}
      <h2>{t("webhooks.deliveries")}</h2>
      <div className="scroll">
        <table data-testid="deliveries">
          <thead><tr><th>{t("webhooks.event")}</th><th>{t("webhooks.status")}</th><th>{t("webhooks.attempts")}</th><th>{t("webhooks.lastResponse")}</th><th>{t("webhooks.when")}</th><th></th></tr></thead>
          <tbody>
            {(log.data?.data ?? []).map((d) => (
              <tr key={d.id} data-status={d.status}>
                <td><code>{d.event_type}</code><div className="hint">#{d.event_sequence}</div></td>
                <td><StatusBadge status={d.status} /></td>
                <td>{d.attempts}</td>
                <td>{d.last_status_code ?? "—"} {d.last_error && <span className="hint">{d.last_error}</span>}</td>
                <td>{formatDateTime(d.last_attempt_at ?? d.created_at)}</td>
                <td className="actions">
                  <button type="button" className="small" aria-expanded={open === d.event_id} onClick={() => setOpen(open === d.event_id ? null : d.event_id)}>{t("webhooks.showAttempts")}</button>
                  <button type="button" className="small" onClick={() => void act(async () => must(await api.POST("/v1/webhooks/{webhook_id}/redeliver", { ...path, body: { event_id: d.event_id } })), t("webhooks.redeliverQueued"))}>{t("webhooks.redeliver")}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && attempts.data && (
        <div className="panel">
          <h2>{t("webhooks.attemptsOf", { id: open })}</h2>
          <table>
            <thead><tr><th>#</th><th>{t("webhooks.when")}</th><th>{t("webhooks.outcome")}</th><th>{t("webhooks.statusCode")}</th><th>{t("webhooks.latency")}</th><th>{t("webhooks.response")}</th></tr></thead>
            <tbody>
              {attempts.data.data.map((a) => (
                <tr key={a.id}><td>{a.attempt}</td><td>{formatDateTime(a.started_at)}</td><td><StatusBadge status={a.outcome} /></td>
                  <td>{a.status_code ?? "—"}</td><td>{a.latency_ms} ms</td><td><code className="wrap">{a.error ?? a.response_snippet ?? ""}</code></td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
