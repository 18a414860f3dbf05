/** Overview: domains and their DNS state, accounts, and recent problems. */
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, must } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { StatusBadge } from "../components/StatusBadge";
import { byName, formatBytes, formatDateTime } from "../i18n/format";

export function Overview() {
  const { t, i18n } = useTranslation();
  const { data, error } = useLoad(async () => {
    const [domains, stats, webhooks, migrations] = await Promise.all([
      api.GET("/v1/domains", { params: { query: { limit: 100 } } }).then(must),
      api.GET("/v1/organization/stats").then(must),
      api.GET("/v1/webhooks", { params: { query: { limit: 100 } } }).then(must),
      api.GET("/v1/directory/migrations", { params: { query: { limit: 20 } } }).then(must),
    ]);
    return { domains, stats, webhooks, migrations };
  }, []);
  const n = (value: number | undefined) => (value === undefined ? "…" : new Intl.NumberFormat(i18n.language).format(value));
  const stats = data?.stats;
  const failing = data?.webhooks.data.filter((w) => w.status !== "active" || w.failing_since) ?? [];
  const stalled = data?.migrations.data.filter((m) => m.status === "failed" || (m.counts?.accounts_failed ?? 0) > 0) ?? [];
  const bounced = stats?.mail.bounced ?? 0;
  const problems = failing.length + stalled.length + (bounced > 0 ? 1 : 0);
  return (
    <section aria-labelledby="ov">
      <h1 id="ov">{t("overview.title")}</h1>
      <ProblemBanner problem={error} />
      <div className="cards" data-testid="overview-totals">
        <div className="card"><h2>{t("overview.accounts")}</h2><p className="big" data-testid="total-accounts">{n(stats?.accounts.total)}</p>
          <p>{t("overview.accountStates", { active: n(stats?.accounts.active), frozen: n(stats?.accounts.frozen), admins: n(stats?.accounts.admins) })}</p>
          <p>{t("overview.mustChange", { n: n(stats?.accounts.must_change_password) })}</p>
          <Link to="/console/accounts">{t("overview.manageAccounts")}</Link></div>
        <div className="card"><h2>{t("overview.storage")}</h2><p className="big">{stats ? formatBytes(stats.storage.used_bytes) : "…"}</p>
          <p>{t("overview.messages", { n: n(stats?.storage.message_count) })}</p>
          <p>{t("overview.quota", { quota: stats ? formatBytes(stats.storage.quota_bytes) : "…", unlimited: n(stats?.storage.unlimited_accounts) })}</p>
          <p>{t("overview.nearQuota", { n: n(stats?.storage.accounts_near_quota) })}</p></div>
        <div className="card"><h2>{t("overview.domains")}</h2><p className="big">{n(stats?.domains.total)}</p>
          <p>{t("overview.domainStates", { verified: n(stats?.domains.verified), pending: n(stats?.domains.pending), failing: n(stats?.domains.failing) })}</p>
          <Link to="/console/domains">{t("overview.manageDomains")}</Link></div>
        <div className="card"><h2>{t("overview.mail")}</h2><p className="big">{n(stats?.mail.received)}</p>
          <p>{t("overview.mailVolume", { sent: n(stats?.mail.sent), bounced: n(stats?.mail.bounced) })}</p></div>
        <div className="card"><h2>{t("overview.problems")}</h2>
          <p className="big">{data ? problems : "…"}</p></div>
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
      {data && problems === 0 && <p>{t("overview.noProblems")}</p>}
      <ul>
        {bounced > 0 && <li>{t("overview.bounced", { n: n(bounced) })}</li>}
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
