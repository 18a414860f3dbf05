/** Apps: register (confidential or public, redirect URIs, scopes), the secret shown once,
 * rotate with a grace period, delete. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, must, problemOf, type Problem, type Schemas } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { CopyButton } from "../components/CopyButton";
import { byName, formatDateTime } from "../i18n/format";
import { AppUsageCells, AppUsagePanel } from "./AppUsage";

const SCOPES = [
  "mail:read", "mail:write", "mail:send", "calendar:read", "calendar:write", "contacts:read", "contacts:write",
  "directory:read", "directory:write", "domains:admin", "webhooks:manage", "audit:read",
];

export function Apps() {
  const { t } = useTranslation();
  const list = useLoad(() => api.GET("/v1/apps", { params: { query: { limit: 500 } } }).then(must), []);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [secret, setSecret] = useState<Schemas["AppCredentials"] | null>(null);
  const [shown, setShown] = useState<{ id: string; name: string } | null>(null);
  const [form, setForm] = useState({ name: "", client_type: "confidential", redirect_uris: "", scopes: new Set<string>(["directory:read"]) });
  const act = async (fn: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await fn();
      list.reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const create = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const made = must(await api.POST("/v1/apps", {
        body: {
          name: form.name, client_type: form.client_type as "confidential",
          redirect_uris: form.redirect_uris.split(/\s+/).filter(Boolean), scopes: [...form.scopes],
        },
      }));
      setSecret(made);
      setForm({ ...form, name: "" });
    });
  };
  const toggle = (scope: string) => {
    const next = new Set(form.scopes);
    if (next.has(scope)) next.delete(scope);
    else next.add(scope);
    setForm({ ...form, scopes: next });
  };
  return (
    <section aria-labelledby="apps">
      <h1 id="apps">{t("apps.title")}</h1>
      {secret && (
        <div className="secret panel" role="alert" data-testid="app-secret">
          <p>{t("apps.shownOnce", { name: secret.name })}</p>
          <p>{t("apps.clientId")}: <code>{secret.client_id}</code> <CopyButton value={secret.client_id} label={t("apps.clientId")} /></p>
          {secret.client_secret && (
            <p>{t("apps.clientSecret")}: <code data-testid="client-secret">{secret.client_secret}</code> <CopyButton value={secret.client_secret} label={t("apps.clientSecret")} /></p>
          )}
          <button type="button" onClick={() => setSecret(null)}>{t("apps.dismiss")}</button>
        </div>
      )}
      <form className="panel grid" onSubmit={create} aria-label={t("apps.register")}>
        <label>{t("apps.name")}<input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label>{t("apps.type")}
          <select value={form.client_type} onChange={(e) => setForm({ ...form, client_type: e.target.value })}>
            <option value="confidential">{t("apps.confidential")}</option><option value="public">{t("apps.public")}</option>
          </select>
        </label>
        <label className="wide">{t("apps.redirectUris")}<textarea rows={2} value={form.redirect_uris} onChange={(e) => setForm({ ...form, redirect_uris: e.target.value })} /></label>
        <fieldset className="wide scopes"><legend>{t("apps.scopes")}</legend>
          {SCOPES.map((s) => <label key={s} className="check"><input type="checkbox" checked={form.scopes.has(s)} onChange={() => toggle(s)} /><code>{s}</code></label>)}
        </fieldset>
        <div className="actions"><button type="submit" className="primary">{t("apps.register")}</button></div>
      </form>
      <ProblemBanner problem={list.error ?? problem} />
      <table>
        <thead><tr><th>{t("apps.name")}</th><th>{t("apps.clientId")}</th><th>{t("apps.type")}</th><th>{t("apps.scopes")}</th><th>{t("apps.created")}</th>
          <th>{t("apps.activeTokens")}</th><th>{t("apps.requestsDay")}</th><th><span className="sr-only">{t("apps.actions")}</span></th></tr></thead>
        <tbody>
          {byName(list.data?.data ?? [], (a) => a.name).map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td><td><code>{a.client_id}</code></td><td>{t(`apps.${a.client_type}`)}</td>
              <td className="wrap">{a.scopes.join(" ")}</td><td>{formatDateTime(a.created_at)}</td>
              <AppUsageCells appId={a.id} />
              <td className="actions">
                <button type="button" className="small" aria-expanded={shown?.id === a.id}
                  onClick={() => setShown(shown?.id === a.id ? null : { id: a.id, name: a.name })}>{t("apps.usage")}</button>
                {a.client_type === "confidential" && (
                  <button type="button" className="small" onClick={() => void act(async () => setSecret(must(await api.POST("/v1/apps/{app_id}/secrets", { params: { path: { app_id: a.id } }, body: { grace_seconds: 86400 } }))))}>{t("apps.rotate")}</button>
                )}
                <button type="button" className="small danger" onClick={() => window.confirm(t("apps.deleteConfirm", { name: a.name })) && void act(async () => {
                  const r = await api.DELETE("/v1/apps/{app_id}", { params: { path: { app_id: a.id } } });
                  if (!r.response.ok) must(r);
                })}>{t("common.delete")}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown && <AppUsagePanel appId={shown.id} name={shown.name} onClose={() => setShown(null)} />}
    </section>
  );
}
