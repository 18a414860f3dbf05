/** Groups (mailing lists) with their members and send policy. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, must, problemOf, type Problem } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { byName } from "../i18n/format";

export function Groups() {
  const { t } = useTranslation();
  const list = useLoad(() => api.GET("/v1/groups", { params: { query: { limit: 500 } } }).then(must), []);
  const [open, setOpen] = useState<string | null>(null);
  const members = useLoad(
    () => (open ? api.GET("/v1/groups/{group}/members", { params: { path: { group: open }, query: { limit: 500 } } }).then(must) : Promise.resolve(null)),
    [open],
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  const [form, setForm] = useState({ name: "", address: "", send_policy: "members" });
  const [member, setMember] = useState("");
  const act = async (fn: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await fn();
      list.reload();
      members.reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const create = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => must(await api.POST("/v1/groups", { body: { name: form.name, address: form.address, send_policy: form.send_policy as "members" } })));
  };
  return (
    <section aria-labelledby="grp">
      <h1 id="grp">{t("groups.title")}</h1>
      <form className="inline" onSubmit={create}>
        <label>{t("groups.name")} <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label>{t("groups.address")} <input required type="email" value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} /></label>
        <label>{t("groups.sendPolicy")}{" "}
          <select value={form.send_policy} onChange={(e) => setForm({ ...form, send_policy: e.target.value })}>
            {["anyone", "organization", "members", "moderators"].map((p) => <option key={p} value={p}>{t(`groups.policies.${p}`)}</option>)}
          </select>
        </label>
        <button type="submit" className="primary">{t("common.create")}</button>
      </form>
      <ProblemBanner problem={list.error ?? problem} />
      <table>
        <thead><tr><th>{t("groups.name")}</th><th>{t("groups.address")}</th><th>{t("groups.sendPolicy")}</th><th></th></tr></thead>
        <tbody>
          {byName(list.data?.data ?? [], (g) => g.name).map((g) => (
            <tr key={g.id}>
              <td>{g.name}</td><td>{g.address}</td><td>{t(`groups.policies.${g.send_policy}`, { defaultValue: g.send_policy })}</td>
              <td><button type="button" className="small" aria-expanded={open === g.id} onClick={() => setOpen(open === g.id ? null : g.id)}>{t("groups.members")}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && (
        <div className="panel">
          <h2>{t("groups.members")}</h2>
          <ul>
            {(members.data?.data ?? []).map((m) => (
              <li key={m.id}>{m.address ?? m.ref}{" "}
                <button type="button" className="small" onClick={() => void act(async () => {
                  const r = await api.DELETE("/v1/groups/{group}/members/{member_id}", { params: { path: { group: open, member_id: m.id } } });
                  if (!r.response.ok) must(r);
                })}>{t("common.remove")}</button>
              </li>
            ))}
          </ul>
          <form className="inline" onSubmit={(e) => { e.preventDefault(); void act(async () => { must(await api.POST("/v1/groups/{group}/members", { params: { path: { group: open } }, body: { kind: "account", ref: member } })); setMember(""); }); }}>
            <label>{t("groups.addMember")} <input type="email" required value={member} onChange={(e) => setMember(e.target.value)} /></label>
            <button type="submit">{t("common.add")}</button>
          </form>
        </div>
      )}
    </section>
  );
}
