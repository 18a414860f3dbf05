/** Departments as a tree: create, rename, move, delete (refused while not empty). */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, must, problemOf, type Problem, type Schemas } from "../api/client";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { byName } from "../i18n/format";

type Department = Schemas["Department"];

export function Departments() {
  const { t } = useTranslation();
  const list = useLoad(() => api.GET("/v1/departments", { params: { query: { limit: 500 } } }).then(must), []);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [name, setName] = useState("");
  const [parent, setParent] = useState("");
  const all = list.data?.data ?? [];
  const act = async (fn: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await fn();
      list.reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const create = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      must(await api.POST("/v1/departments", { body: { name, parent_id: parent || null } }));
      setName("");
    });
  };
  const children = (id: string | null) => byName(all.filter((d) => (d.parent_id ?? null) === id), (d) => d.name);
  const node = (d: Department) => (
    <li key={d.id}>
      <span>{d.name}</span>{" "}
      <button type="button" className="small" onClick={() => {
        const next = window.prompt(t("departments.renameTo"), d.name);
        if (next) void act(async () => must(await api.PATCH("/v1/departments/{department_id}", { params: { path: { department_id: d.id } }, body: { name: next } })));
      }}>{t("departments.rename")}</button>{" "}
      <label className="small-label">
        <span className="sr-only">{t("departments.moveUnder", { name: d.name })}</span>
        <select aria-label={t("departments.moveUnder", { name: d.name })} value="" onChange={(e) => {
          const target = e.target.value;
          if (target) void act(async () => must(await api.POST("/v1/departments/{department_id}/move", { params: { path: { department_id: d.id } }, body: { parent_id: target } })));
        }}>
          <option value="">{t("departments.move")}</option>
          {all.filter((o) => o.id !== d.id).map((o) => <option key={o.id} value={o.id}>{o.path}</option>)}
        </select>
      </label>{" "}
      <button type="button" className="small danger" onClick={() => window.confirm(t("departments.deleteConfirm", { name: d.name })) && void act(async () => {
        const r = await api.DELETE("/v1/departments/{department_id}", { params: { path: { department_id: d.id } } });
        if (!r.response.ok) must(r);
      })}>{t("common.delete")}</button>
      {children(d.id).length > 0 && <ul>{children(d.id).map(node)}</ul>}
    </li>
  );
  return (
    <section aria-labelledby="dep">
      <h1 id="dep">{t("departments.title")}</h1>
      <form className="inline" onSubmit={create}>
        <label>{t("departments.name")} <input required value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label>{t("departments.parent")}{" "}
          <select value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">{t("departments.top")}</option>
            {byName(all, (d) => d.path).map((d) => <option key={d.id} value={d.id}>{d.path}</option>)}
          </select>
        </label>
        <button type="submit" className="primary">{t("common.create")}</button>
      </form>
      <ProblemBanner problem={list.error ?? problem} />
      <ul className="tree" aria-label={t("departments.tree")}>{children(null).map(node)}</ul>
      {list.data && all.length === 0 && <p>{t("departments.none")}</p>}
    </section>
  );
}
