/** An app's usage: live tokens, requests this minute / hour / day, rate-limit state, and the
 * tokens issued recently (GET /v1/apps/{id}/usage and /tokens). */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, must } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { StatusBadge } from "../components/StatusBadge";
import { Pager } from "../components/Pager";
import { formatDateTime } from "../i18n/format";

const load = (appId: string) =>
  api.GET("/v1/apps/{app_id}/usage", { params: { path: { app_id: appId } } }).then(must);

/** Two cells of the apps table: live tokens and requests in the last 24 hours. */
export function AppUsageCells({ appId }: { appId: string }) {
  const usage = useLoad(() => load(appId), [appId]);
  const u = usage.data;
  return (
    <>
      <td data-testid="app-active-tokens">{u ? u.active_tokens : "…"}</td>
      <td data-testid="app-requests-day">{u ? u.requests_last_day : "…"}</td>
    </>
  );
}

export function AppUsagePanel({ appId, name, onClose }: { appId: string; name: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const usage = useLoad(() => load(appId), [appId]);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const tokens = useLoad(
    () => api.GET("/v1/apps/{app_id}/tokens", {
      params: { path: { app_id: appId }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
    }).then(must),
    [appId, cursor],
  );
  const u = usage.data;
  const num = (v: number) => new Intl.NumberFormat(i18n.language).format(v);
  const heading = `usage-${appId}`;
  return (
    <section className="panel" aria-labelledby={heading} data-testid="app-usage">
      <h2 id={heading}>{t("apps.usageOf", { name })}</h2>
      <ProblemBanner problem={usage.error ?? tokens.error} />
      {u && (
        <dl className="facts">
          <dt>{t("apps.activeTokens")}</dt><dd>{num(u.active_tokens)}</dd>
          <dt>{t("apps.refreshTokens")}</dt><dd>{num(u.active_refresh_tokens)}</dd>
          <dt>{t("apps.issued24h")}</dt><dd>{num(u.tokens_issued_24h)}</dd>
          <dt>{t("apps.lastToken")}</dt><dd>{formatDateTime(u.last_token_at)}</dd>
          <dt>{t("apps.requests")}</dt>
          <dd data-testid="app-requests">{t("apps.requestCounts", { minute: num(u.requests_this_minute), hour: num(u.requests_last_hour), day: num(u.requests_last_day) })}</dd>
          <dt>{t("apps.rateLimit")}</dt>
          <dd>{t("apps.rateLimitState", { remaining: num(u.rate_limit_remaining), limit: num(u.rate_limit), reset: u.rate_limit_reset_seconds })}</dd>
        </dl>
      )}
      <h3>{t("apps.recentTokens")}</h3>
      <div className="scroll">
        <table data-testid="app-tokens">
          <thead><tr><th>{t("apps.issued")}</th><th>{t("apps.grant")}</th><th>{t("apps.actsFor")}</th><th>{t("apps.scopes")}</th>
            <th>{t("apps.expires")}</th><th>{t("accounts.status")}</th></tr></thead>
          <tbody>
            {(tokens.data?.data ?? []).map((tok) => (
              <tr key={tok.id}>
                <td>{formatDateTime(tok.issued_at)}</td><td><code>{tok.grant_type}</code></td>
                <td>{tok.address ?? t("apps.organisation")}</td><td className="wrap">{tok.scope}</td>
                <td>{formatDateTime(tok.expires_at)}</td>
                <td><StatusBadge status={tok.active ? "active" : tok.revoked ? "revoked" : "expired"} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {tokens.data && tokens.data.data.length === 0 && <p>{t("apps.noTokens")}</p>}
      <Pager cursors={cursors} next={tokens.data?.next_cursor} onPage={setCursors} />
      <button type="button" onClick={onClose}>{t("apps.closeUsage")}</button>
    </section>
  );
}
