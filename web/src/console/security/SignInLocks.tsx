/** Sign-in throttling state: addresses and client IPs with failed sign-ins, and unlock. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, must } from "../../api/client";
import { useLoad } from "../../components/useLoad";
import { ProblemBanner } from "../../components/ProblemBanner";
import { StatusBadge } from "../../components/StatusBadge";
import { formatDateTime } from "../../i18n/format";
import { useAction } from "./useAction";

export function SignInLocks() {
  const { t } = useTranslation();
  const [lockedOnly, setLockedOnly] = useState(false);
  const locks = useLoad(
    () => api.GET("/v1/directory/sign-in-locks", { params: { query: { limit: 200, locked_only: lockedOnly } } }).then(must),
    [lockedOnly],
  );
  const { problem, done, act } = useAction(locks.reload);
  const clear = (id: string, who: string) =>
    void act(async () => {
      const r = await api.DELETE("/v1/directory/sign-in-locks/{lock_id}", { params: { path: { lock_id: id } } });
      if (!r.response.ok) must(r);
    }, t("security.unlocked", { who }));
  const rows = locks.data?.data ?? [];
  return (
    <section className="panel" aria-labelledby="sec-locks">
      <h2 id="sec-locks">{t("security.locks")}</h2>
      <p>{t("security.locksHelp")}</p>
      <div className="toolbar">
        <label className="check"><input type="checkbox" checked={lockedOnly} onChange={(e) => setLockedOnly(e.target.checked)} />{t("security.lockedOnly")}</label>
        <button type="button" onClick={locks.reload}>{t("common.refresh")}</button>
      </div>
      <ProblemBanner problem={locks.error ?? problem} />
      <p role="status" aria-live="polite">{done}</p>
      <div className="scroll">
        <table data-testid="sign-in-locks" aria-busy={locks.loading}>
          <thead><tr><th>{t("security.who")}</th><th>{t("security.failures")}</th><th>{t("security.lastFailure")}</th>
            <th>{t("security.lockedUntil")}</th><th>{t("accounts.status")}</th><th><span className="sr-only">{t("security.unlock")}</span></th></tr></thead>
          <tbody>
            {rows.map((lock) => {
              const who = lock.address ?? lock.ip ?? lock.id;
              return (
                <tr key={lock.id}>
                  <td>{lock.kind === "ip" ? t("security.fromIp", { ip: who }) : who}</td>
                  <td>{lock.failures}</td>
                  <td>{formatDateTime(lock.last_failure_at)}</td>
                  <td>{lock.locked ? formatDateTime(lock.locked_until) : "—"}</td>
                  <td><StatusBadge status={lock.locked ? "locked" : "watching"} /></td>
                  <td><button type="button" className="small" onClick={() => clear(lock.id, who)}
                    aria-label={t("security.unlockWho", { who })}>{t("security.unlock")}</button></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {locks.data && rows.length === 0 && <p>{t("security.noLocks")}</p>}
    </section>
  );
}
