/** One account: edit, freeze / unfreeze, reset password, aliases, delete / restore. */
import { useState, type FormEvent } from "react";
import { useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, must, problemOf, type Problem } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { StatusBadge } from "../components/StatusBadge";
import { CopyButton } from "../components/CopyButton";
import { formatBytes, formatDateTime } from "../i18n/format";

export function AccountDetail() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const path = { params: { path: { account: id } } };
  const account = useLoad(() => api.GET("/v1/accounts/{account}", path).then(must), [id]);
  const aliases = useLoad(() => api.GET("/v1/accounts/{account}/aliases", path).then(must).then((page) => page.data), [id]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const [alias, setAlias] = useState("");
  const [edit, setEdit] = useState<{ display_name: string; mobile: string; employee_number: string } | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await fn();
      account.reload();
      aliases.reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const a = account.data;
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!edit) return;
    void act(async () => {
      must(await api.PATCH("/v1/accounts/{account}", {
        ...path,
        body: { display_name: edit.display_name, mobile: edit.mobile || null, employee_number: edit.employee_number || null },
      }));
      setEdit(null);
    });
  };
  return (
    <section aria-labelledby="ad">
      <h1 id="ad">{a?.display_name || a?.address || id}</h1>
      <ProblemBanner problem={account.error ?? problem} />
      {a && (
        <>
          <dl className="facts">
            <dt>{t("accounts.address")}</dt><dd>{a.address}</dd>
            <dt>{t("accounts.status")}</dt><dd><StatusBadge status={a.status} /></dd>
            <dt>{t("accounts.role")}</dt><dd>{t(`roles.${a.role}`, { defaultValue: a.role })}</dd>
            <dt>{t("accounts.mobile")}</dt><dd>{a.mobile ?? "—"}</dd>
            <dt>{t("accounts.employeeNumber")}</dt><dd>{a.employee_number ?? "—"}</dd>
            <dt>{t("accounts.quota")}</dt><dd>{formatBytes(a.quota_bytes)}</dd>
            <dt>{t("accounts.mustChange")}</dt><dd>{a.must_change_password ? t("common.yes") : t("common.no")}</dd>
            <dt>{t("accounts.createdAt")}</dt><dd>{formatDateTime(a.created_at)}</dd>
            {a.purge_after && (<><dt>{t("accounts.purgeAfter")}</dt><dd>{formatDateTime(a.purge_after)}</dd></>)}
          </dl>
          <div className="actions">
            <button type="button" onClick={() => setEdit({ display_name: a.display_name, mobile: a.mobile ?? "", employee_number: a.employee_number ?? "" })}>{t("common.edit")}</button>
            {a.status === "active" && <button type="button" onClick={() => void act(async () => must(await api.POST("/v1/accounts/{account}/freeze", path)))}>{t("accounts.freeze")}</button>}
            {a.status === "frozen" && <button type="button" onClick={() => void act(async () => must(await api.POST("/v1/accounts/{account}/unfreeze", path)))}>{t("accounts.unfreeze")}</button>}
            {a.status !== "deleted" && (
              <button type="button" onClick={() => void act(async () => {
                const result = must(await api.POST("/v1/accounts/{account}/reset-password", { ...path, body: { must_change_password: true } }));
                setPassword(result.password ?? null);
              })}>{t("accounts.resetPassword")}</button>
            )}
            {a.status !== "deleted" && (
              <button type="button" className="danger" onClick={() => window.confirm(t("accounts.deleteConfirm")) && void act(async () => {
                const r = await api.DELETE("/v1/accounts/{account}", path);
                if (!r.response.ok) must(r);
              })}>{t("common.delete")}</button>
            )}
            {a.status === "deleted" && <button type="button" onClick={() => void act(async () => must(await api.POST("/v1/accounts/{account}/restore", path)))}>{t("accounts.restore")}</button>}
          </div>
          {password && (
            <p className="secret" role="status">
              {t("accounts.newPassword")} <code>{password}</code> <CopyButton value={password} label={t("accounts.password")} />
            </p>
          )}
          {edit && (
            <form className="panel grid" onSubmit={save} aria-label={t("common.edit")}>
              <label>{t("accounts.name")}<input required value={edit.display_name} onChange={(e) => setEdit({ ...edit, display_name: e.target.value })} /></label>
              <label>{t("accounts.mobile")}<input value={edit.mobile} onChange={(e) => setEdit({ ...edit, mobile: e.target.value })} /></label>
              <label>{t("accounts.employeeNumber")}<input value={edit.employee_number} onChange={(e) => setEdit({ ...edit, employee_number: e.target.value })} /></label>
              <div className="actions"><button type="submit" className="primary">{t("common.save")}</button>
                <button type="button" onClick={() => setEdit(null)}>{t("common.cancel")}</button></div>
            </form>
          )}
          <h2>{t("accounts.aliases")}</h2>
          <ul>
            {(aliases.data ?? []).map((al) => (
              <li key={al.address}>{al.address}{" "}
                <button type="button" className="small" onClick={() => void act(async () => {
                  const r = await api.DELETE("/v1/accounts/{account}/aliases/{alias}", { params: { path: { account: id, alias: al.address } } });
                  if (!r.response.ok) must(r);
                })}>{t("common.remove")}</button>
              </li>
            ))}
          </ul>
          <form className="inline" onSubmit={(e) => { e.preventDefault(); void act(async () => { must(await api.POST("/v1/accounts/{account}/aliases", { ...path, body: { address: alias } })); setAlias(""); }); }}>
            <label htmlFor="alias">{t("accounts.addAlias")}</label>
            <input id="alias" type="email" required value={alias} onChange={(e) => setAlias(e.target.value)} />
            <button type="submit">{t("common.add")}</button>
          </form>
        </>
      )}
    </section>
  );
}
