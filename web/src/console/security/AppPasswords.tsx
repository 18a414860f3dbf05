/** App passwords of one account (for mail clients over IMAP, POP3, SMTP, DAV): list, revoke. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, must } from "../../api/client";
import { useLoad } from "../../components/useLoad";
import { ProblemBanner } from "../../components/ProblemBanner";
import { formatDateTime } from "../../i18n/format";
import { useAction } from "./useAction";

export function AppPasswords() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const [account, setAccount] = useState("");
  const list = useLoad(
    async () => account
      ? must(await api.GET("/v1/accounts/{account}/app-passwords", { params: { path: { account }, query: { limit: 200 } } }))
      : null,
    [account],
  );
  const { problem, done, act } = useAction(list.reload);
  const show = (event: FormEvent) => {
    event.preventDefault();
    setAccount(typed.trim());
  };
  const revoke = (id: string, name: string) =>
    void act(async () => {
      const r = await api.DELETE("/v1/accounts/{account}/app-passwords/{app_password_id}", {
        params: { path: { account, app_password_id: id } },
      });
      if (!r.response.ok) must(r);
    }, t("security.revoked", { name }));
  const rows = list.data?.data ?? [];
  return (
    <section className="panel" aria-labelledby="sec-app-passwords">
      <h2 id="sec-app-passwords">{t("security.appPasswords")}</h2>
      <p>{t("security.appPasswordsHelp")}</p>
      <form className="toolbar" onSubmit={show} role="search">
        <label>{t("security.accountAddress")}
          <input type="email" required value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="app-password-account" />
        </label>
        <button type="submit">{t("security.show")}</button>
      </form>
      <ProblemBanner problem={list.error ?? problem} />
      <p role="status" aria-live="polite">{done}</p>
      {list.data && (
        <div className="scroll">
          <table data-testid="app-passwords">
            <thead><tr><th>{t("security.deviceName")}</th><th>{t("apps.created")}</th><th>{t("security.lastUsed")}</th>
              <th>{t("security.lastUsedIp")}</th><th><span className="sr-only">{t("security.revoke")}</span></th></tr></thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td><td>{formatDateTime(p.created_at)}</td><td>{formatDateTime(p.last_used_at)}</td>
                  <td>{p.last_used_ip ?? "—"}</td>
                  <td><button type="button" className="small danger" aria-label={t("security.revokeWhat", { name: p.name })}
                    onClick={() => window.confirm(t("security.revokeConfirm", { name: p.name })) && revoke(p.id, p.name)}>{t("security.revoke")}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p>{t("security.noAppPasswords", { account })}</p>}
        </div>
      )}
    </section>
  );
}
