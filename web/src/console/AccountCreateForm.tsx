/** Create an account: name, address, password, change at first login, security phone,
 * department, employee number, quota. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, must, problemOf, type Problem, type Schemas } from "../api/client";
import { ProblemBanner } from "../components/ProblemBanner";
import { byName } from "../i18n/format";

export function AccountCreateForm({ departments, onDone }: { departments: Schemas["Department"][]; onDone: (address: string) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    display_name: "", address: "", password: "", must_change_password: true, mobile: "",
    department: "", employee_number: "", quota_mb: "",
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string; checked?: boolean; type?: string } }) =>
    setForm({ ...form, [key]: e.target.type === "checkbox" ? !!e.target.checked : e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const made = must(await api.POST("/v1/accounts", {
        body: {
          display_name: form.display_name, address: form.address.trim(),
          password: form.password || null, must_change_password: form.must_change_password,
          mobile: form.mobile || null, employee_number: form.employee_number || null,
          department_ids: form.department ? [form.department] : [],
          quota_bytes: form.quota_mb ? Math.round(Number(form.quota_mb) * 1024 * 1024) : null,
        },
      }));
      onDone(made.address);
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  return (
    <form className="panel grid" onSubmit={submit} aria-label={t("accounts.create")}>
      <label>{t("accounts.name")}<input required value={form.display_name} onChange={set("display_name")} /></label>
      <label>{t("accounts.address")}<input required type="email" value={form.address} onChange={set("address")} /></label>
      <label>{t("accounts.password")}<input type="password" autoComplete="new-password" value={form.password} onChange={set("password")} /></label>
      <label className="check"><input type="checkbox" checked={form.must_change_password} onChange={set("must_change_password")} />{t("accounts.mustChange")}</label>
      <label>{t("accounts.mobile")}<input type="tel" value={form.mobile} onChange={set("mobile")} /></label>
      <label>{t("accounts.department")}
        <select value={form.department} onChange={set("department")}>
          <option value="">—</option>
          {byName(departments, (d) => d.path).map((d) => <option key={d.id} value={d.id}>{d.path}</option>)}
        </select>
      </label>
      <label>{t("accounts.employeeNumber")}<input value={form.employee_number} onChange={set("employee_number")} /></label>
      <label>{t("accounts.quotaMb")}<input type="number" min="0" value={form.quota_mb} onChange={set("quota_mb")} /></label>
      <div className="actions"><button type="submit" className="primary">{t("common.create")}</button></div>
      <ProblemBanner problem={problem} />
    </form>
  );
}
