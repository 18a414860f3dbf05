/** Domains: the list with DNS state, and adding a domain. */
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, must, problemOf, type Problem } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { StatusBadge } from "../components/StatusBadge";
import { byName, formatDateTime } from "../i18n/format";

export function Domains() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error } = useLoad(() => api.GET("/v1/domains", { params: { query: { limit: 500 } } }).then(must), []);
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const made = must(await api.POST("/v1/domains", { body: { name: name.trim() } }));
      navigate(`/console/domains/${encodeURIComponent(made.name)}`);
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  return (
    <section aria-labelledby="dom">
      <h1 id="dom">{t("domains.title")}</h1>
      <ProblemBanner problem={error} />
      <form className="inline" onSubmit={add}>
        <label htmlFor="new-domain">{t("domains.add")}</label>
        <input id="new-domain" required value={name} onChange={(e) => setName(e.target.value)} placeholder="example.com" />
        <button type="submit" className="primary">{t("domains.addButton")}</button>
      </form>
      <ProblemBanner problem={problem} />
      <table>
        <thead><tr><th>{t("domains.name")}</th><th>{t("domains.kind")}</th><th>{t("domains.status")}</th><th>{t("domains.lastChecked")}</th></tr></thead>
        <tbody>
          {byName(data?.data ?? [], (d) => d.unicode_name).map((d) => (
            <tr key={d.id}>
              <td><Link to={`/console/domains/${encodeURIComponent(d.name)}`}>{d.unicode_name}</Link></td>
              <td>{t(`domains.kinds.${d.kind}`, { defaultValue: d.kind })}</td>
              <td><StatusBadge status={d.status} /></td>
              <td>{formatDateTime(d.last_checked_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
