/** One domain: its DNS records with copy buttons and zone-file lines, "check DNS / refresh
 * status" with per-record ok / missing / mismatch and what was found, DKIM rotation. */
import { useState } from "react";
import { useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, must, problemOf, type Problem, type Schemas } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { StatusBadge } from "../components/StatusBadge";
import { CopyButton } from "../components/CopyButton";
import { formatDateTime } from "../i18n/format";

type DnsRecord = Schemas["DnsRecord"];

export function DomainDetail() {
  const { t } = useTranslation();
  const name = useParams().name ?? "";
  const path = { params: { path: { domain: name } } };
  const domain = useLoad(() => api.GET("/v1/domains/{domain}", path).then(must), [name]);
  const records = useLoad(() => api.GET("/v1/domains/{domain}/dns-records", path).then(must), [name]);
  const keys = useLoad(() => api.GET("/v1/domains/{domain}/dkim-keys", path).then(must), [name]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [checked, setChecked] = useState<DnsRecord[] | null>(null);
  const verify = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = must(await api.POST("/v1/domains/{domain}/verify", path));
      setChecked(result.records);
      domain.setData(result.domain);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  const rotate = async () => {
    if (!window.confirm(t("domains.rotateConfirm"))) return;
    try {
      must(await api.POST("/v1/domains/{domain}/dkim-keys", path));
      keys.reload();
      records.reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const rows = checked ?? records.data?.data ?? [];
  const zone = rows.map((r) => r.zone_line).join("\n");
  return (
    <section aria-labelledby="dd">
      <h1 id="dd">{domain.data?.unicode_name ?? name}</h1>
      <ProblemBanner problem={domain.error ?? records.error} />
      {domain.data && (
        <p>
          <StatusBadge status={domain.data.status} />{" "}
          {t("domains.lastChecked")}: {formatDateTime(domain.data.last_checked_at)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void verify()} disabled={busy}>
          {busy ? t("domains.checking") : t("domains.check")}
        </button>
        <CopyButton value={zone} label={t("domains.zoneFile")} />
      </div>
      <ProblemBanner problem={problem} />
      <p role="status" aria-live="polite" className="sr-only">{checked ? t("domains.checked") : ""}</p>
      <div className="scroll">
        <table className="records">
          <caption>{t("domains.records")}</caption>
          <thead>
            <tr><th>{t("domains.purpose")}</th><th>{t("domains.type")}</th><th>{t("domains.host")}</th>
              <th>{t("domains.value")}</th><th>{t("domains.status")}</th><th>{t("domains.found")}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-record={r.key} data-status={r.status}>
                <td>{t(`domains.purposes.${r.purpose}`, { defaultValue: r.purpose })}{r.required ? "" : ` (${t("domains.optional")})`}</td>
                <td>{r.type}{r.priority !== null && r.priority !== undefined ? ` ${r.priority}` : ""}</td>
                <td><code>{r.name}</code> <CopyButton value={r.name} label={t("domains.host")} /></td>
                <td className="value"><code>{r.value}</code> <CopyButton value={r.value} label={t("domains.value")} /></td>
                <td><StatusBadge status={r.status} /></td>
                <td>{r.found.length ? r.found.join(", ") : "—"}{r.detail ? <div className="hint">{r.detail}</div> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("domains.zoneFile")}</h2>
      <pre className="zone" tabIndex={0}>{zone}</pre>
      <h2>{t("domains.dkim")}</h2>
      <button type="button" onClick={() => void rotate()}>{t("domains.rotate")}</button>
      <table>
        <thead><tr><th>{t("domains.selector")}</th><th>{t("domains.status")}</th><th>{t("domains.bits")}</th><th>{t("domains.created")}</th></tr></thead>
        <tbody>
          {(keys.data?.data ?? []).map((k) => (
            <tr key={k.id}><td><code>{k.selector}</code></td><td><StatusBadge status={k.status} /></td><td>{k.bits}</td><td>{formatDateTime(k.created_at)}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
