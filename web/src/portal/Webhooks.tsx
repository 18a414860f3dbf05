/** Webhooks: endpoints with event types from the catalogue; the signing secret shown once. */
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, must, problemOf, type Problem, type Schemas } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { StatusBadge } from "../components/StatusBadge";
import { CopyButton } from "../components/CopyButton";

export function Webhooks() {
  const { t } = useTranslation();
  const list = useLoad(() => api.GET("/v1/webhooks", { params: { query: { limit: 500 } } }).then(must), []);
  const types = useLoad(() => api.GET("/v1/events/types").then(must).then((page) => page.data), []);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [created, setCreated] = useState<Schemas["WebhookWithSecret"] | null>(null);
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const toggle = (type: string) => {
    const next = new Set(chosen);
    if (next.has(type)) next.delete(type);
    else next.add(type);
    setChosen(next);
  };
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const made = must(await api.POST("/v1/webhooks", { body: { url, description, event_types: chosen.size ? [...chosen] : ["*"] } }));
      setCreated(made);
      setUrl("");
      list.reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const byDomain = new Map<string, string[]>();
  for (const info of types.data ?? []) byDomain.set(info.domain, [...(byDomain.get(info.domain) ?? []), info.type]);
  return (
    <section aria-labelledby="wh">
      <h1 id="wh">{t("webhooks.title")}</h1>
      {created && (
        <div className="secret panel" role="alert" data-testid="webhook-secret">
          <p>{t("webhooks.secretOnce")}</p>
          <p><code>{created.secret}</code> <CopyButton value={created.secret ?? ""} label={t("webhooks.secret")} /></p>
          <button type="button" onClick={() => setCreated(null)}>{t("apps.dismiss")}</button>
        </div>
      )}
      <form className="panel grid" onSubmit={(e) => void create(e)} aria-label={t("webhooks.add")}>
        <label className="wide">{t("webhooks.url")}<input required type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://oa.example.com/hooks/mailplane" /></label>
        <label className="wide">{t("webhooks.description")}<input value={description} onChange={(e) => setDescription(e.target.value)} /></label>
        <fieldset className="wide types">
          <legend>{t("webhooks.eventTypes")}</legend>
          <p className="hint">{t("webhooks.allTypesHint")}</p>
          {[...byDomain.entries()].map(([domain, names]) => (
            <details key={domain}>
              <summary>{domain} ({names.filter((n) => chosen.has(n)).length}/{names.length})</summary>
              {names.map((n) => <label key={n} className="check"><input type="checkbox" checked={chosen.has(n)} onChange={() => toggle(n)} /><code>{n}</code></label>)}
            </details>
          ))}
        </fieldset>
        <div className="actions"><button type="submit" className="primary">{t("webhooks.add")}</button></div>
      </form>
      <ProblemBanner problem={list.error ?? problem} />
      <table>
        <thead><tr><th>{t("webhooks.url")}</th><th>{t("webhooks.eventTypes")}</th><th>{t("webhooks.status")}</th></tr></thead>
        <tbody>
          {(list.data?.data ?? []).map((w) => (
            <tr key={w.id}>
              <td><Link to={`/portal/webhooks/${w.id}`}>{w.url}</Link>{w.description && <div className="hint">{w.description}</div>}</td>
              <td className="wrap">{w.event_types.join(", ")}</td>
              <td><StatusBadge status={w.status} />{w.disabled_reason && <div className="hint">{w.disabled_reason}</div>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
