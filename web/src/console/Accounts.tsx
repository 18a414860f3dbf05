/** Accounts: a searchable, filterable, cursor-paginated list, and the create form. */
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, must } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { StatusBadge } from "../components/StatusBadge";
import { Pager } from "../components/Pager";
import { byName, formatBytes } from "../i18n/format";
import { AccountCreateForm } from "./AccountCreateForm";

const STATUSES = ["", "active", "frozen", "deleted"] as const;
const ROLES = ["", "member", "admin", "operator"] as const;

export function Accounts() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const status = params.get("status") ?? "";
  const department = params.get("department") ?? "";
  const role = params.get("role") ?? "";
  const [typed, setTyped] = useState(q);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState("");

  useEffect(() => {
    const timer = setTimeout(() => {
      if (typed !== q) {
        const next = new URLSearchParams(params);
        if (typed) next.set("q", typed);
        else next.delete("q");
        setParams(next, { replace: true });
      }
    }, 120);
    return () => clearTimeout(timer);
  }, [typed, q, params, setParams]);
  useEffect(() => setCursors([null]), [q, status, department, role]);

  const departments = useLoad(() => api.GET("/v1/departments", { params: { query: { limit: 500 } } }).then(must), []);
  const cursor = cursors[cursors.length - 1];
  const list = useLoad(
    () =>
      api.GET("/v1/accounts", {
        params: {
          query: {
            limit: 50,
            ...(q ? { q } : {}),
            ...(status ? { status: status as "active" } : {}),
            ...(department ? { department_id: department, include_subdepartments: true } : {}),
            ...(role ? { role: role as "admin" } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
      }).then(must),
    [q, status, department, role, cursor],
  );
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const deptName = new Map((departments.data?.data ?? []).map((d) => [d.id, d.name]));
  return (
    <section aria-labelledby="acc">
      <h1 id="acc">{t("accounts.title")}</h1>
      <div className="toolbar" role="search">
        <label>
          <span className="sr-only">{t("accounts.search")}</span>
          <input type="search" placeholder={t("accounts.search")} value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <label>
          {t("accounts.status")}{" "}
          <select value={status} onChange={(e) => setFilter("status", e.target.value)}>
            {STATUSES.map((s) => <option key={s} value={s}>{s ? t(`status.${s}`) : t("common.all")}</option>)}
          </select>
        </label>
        <label>
          {t("accounts.role")}{" "}
          <select value={role} onChange={(e) => setFilter("role", e.target.value)} data-testid="role-filter">
            {ROLES.map((r) => <option key={r} value={r}>{r ? t(`roles.${r}`) : t("common.all")}</option>)}
          </select>
        </label>
        <label>
          {t("accounts.department")}{" "}
          <select value={department} onChange={(e) => setFilter("department", e.target.value)}>
            <option value="">{t("common.all")}</option>
            {byName(departments.data?.data ?? [], (d) => d.path).map((d) => <option key={d.id} value={d.id}>{d.path}</option>)}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => setCreating(!creating)} aria-expanded={creating}>
          {t("accounts.create")}
        </button>
      </div>
      {creating && (
        <AccountCreateForm
          departments={departments.data?.data ?? []}
          onDone={(address) => {
            setCreating(false);
            setCreated(address);
            list.reload();
          }}
        />
      )}
      <p role="status" aria-live="polite">{created ? t("accounts.created", { address: created }) : ""}</p>
      <ProblemBanner problem={list.error} />
      <div className="scroll">
        <table aria-busy={list.loading} data-testid="accounts">
          <thead>
            <tr><th>{t("accounts.name")}</th><th>{t("accounts.address")}</th><th>{t("accounts.department")}</th>
              <th>{t("accounts.employeeNumber")}</th><th>{t("accounts.role")}</th><th>{t("accounts.status")}</th><th>{t("accounts.quota")}</th></tr>
          </thead>
          <tbody>
            {(list.data?.data ?? []).map((a) => (
              <tr key={a.id}>
                <td><Link to={`/console/accounts/${a.id}`}>{a.display_name || a.address}</Link></td>
                <td>{a.address}</td>
                <td>{a.department_ids.map((id) => deptName.get(id) ?? id).join(", ") || "—"}</td>
                <td>{a.employee_number ?? "—"}</td>
                <td>{t(`roles.${a.role}`, { defaultValue: a.role })}</td>
                <td><StatusBadge status={a.status} /></td>
                <td>{formatBytes(a.quota_bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data && list.data.data.length === 0 && <p role="status">{t("accounts.none")}</p>}
      <Pager cursors={cursors} next={list.data?.next_cursor} onPage={setCursors} />
    </section>
  );
}
