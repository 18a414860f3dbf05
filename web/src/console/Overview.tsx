/** Overview: domains and their DNS state, accounts, and recent problems. */
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, must } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { StatusBadge } from "../components/StatusBadge";
import { byName, formatDateTime } from "../i18n/format";

export function Overview() {
  const { t } = useTranslation();
  const { data, error } = useLoad(async () => {
    const [domains, accounts, frozen, webhooks, migrations] = await Promise.all([
      api.GET("/v1/domains", { params: { query: { limit: 100 } } }).then(must),
      api.GET("/v1/accounts", { params: { query: { limit: 500 } } }).then(must),
      api.GET("/v1/accounts", { params: { query: { status: "frozen", limit: 500 } } }).then(must),
      api.GET("/v1/webhooks", { params: { query: { limit: 100 } } }).then(must),
      api.GET("/v1/directory/migrations", { params: { query: { limit: 20 } } }).then(must),
    ]);
    return { domains, accounts, frozen, webhooks, migrations };
  }, []);
  const count = (page: { data: unknown[]; next_cursor?: string | null } | undefined) =>
    page ? `${page.data.length}${page.next_cursor ? "+" : ""}` : "…";
  const failing = data?.webhooks.data.filter((w) => w.status !== "active" || w.failing_since) ?? [];
  const stalled = data?.migrations.data.filter((m) => m.status === "failed" || (m.counts?.accounts_failed ?? 0) > 0) ?? [];
  return (
    <section aria-labelledby="ov">
      <h1 id="ov">{t("overview.title")}</h1>
      <ProblemBanner problem={error} />
      <div className="cards">
        <div className="card"><h2>{t("overview.accounts")}</h2><p className="big">{count(data?.accounts)}</p>
          <p>{t("overview.frozen", { n: count(data?.frozen) })}</p><Link to="/console/accounts">{t("overview.manageAccounts")}</Link></div>
        <div className="card"><h2>{t("overview.domains")}</h2><p className="big">{count(data?.domains)}</p>
          <Link to="/console/domains">{t("overview.manageDomains")}</Link></div>
        <div className="card"><h2>{t("overview.problems")}</h2>
          <p className="big">{data ? failing.length + stalled.length : "…"}</p></div>
      </div>
      <h2>{t("overview.domainState")}</h2>
      <table>
        <thead><tr><th>{t("domains.name")}</th><th>{t("domains.status")}</th><th>{t("domains.lastChecked")}</th></tr></thead>
        <tbody>
          {byName(data?.domains.data ?? [], (d) => d.unicode_name).map((d) => (
            <tr key={d.id}>
              <td><Link to={`/console/domains/${encodeURIComponent(d.name)}`}>{d.unicode_name}</Link></td>
              <td><StatusBadge status={d.status} /></td>
              <td>{formatDateTime(d.last_checked_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("overview.recentProblems")}</h2>
      {data && failing.length + stalled.length === 0 && <p>{t("overview.noProblems")}</p>}
      <ul>
        {failing.map((w) => (
          <li key={w.id}><Link to={`/portal/webhooks/${w.id}`}>{t("overview.failingWebhook", { url: w.url })}</Link> <StatusBadge status={w.status} /></li>
        ))}
        {stalled.map((m) => (
          <li key={m.id}><Link to="/console/migrations">{t("overview.failedMigration", { id: m.id })}</Link> <StatusBadge status={m.status} /></li>
        ))}
      </ul>
    </section>
  );
}
