/** The company directory: the departments tree and a search by name, pinyin (full or
 * initials) or address; anyone found can be kept in the person's own contacts. */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { useSession } from "../app/session";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { byName } from "../i18n/format";
import { createContact, listDepartments, searchDirectory, type Department, type Person } from "./contactsApi";

export function Directory() {
  const { t } = useTranslation();
  const { me } = useSession();
  const account = me?.account_id ?? "";
  const departments = useLoad(() => listDepartments(), []);
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [department, setDepartment] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [kept, setKept] = useState<string[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const people = useLoad(() => searchDirectory(q, department), [q, department]);
  const all = departments.data ?? [];
  const nameOf = (id: string) => all.find((d) => d.id === id)?.name ?? "";
  const keep = async (p: Person) => {
    setProblem(null);
    try {
      await createContact(account, {
        display_name: p.display_name || p.address, title: p.job_title ?? "",
        emails: [{ address: p.address, type: "work", primary: true }],
        department: p.department_ids.map(nameOf).filter(Boolean).join(", "),
        organization: me?.org_name ?? "",
      });
      setKept([...kept, p.id]);
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const children = (id: string | null) => byName(all.filter((d) => (d.parent_id ?? null) === id), (d) => d.name);
  const node = (d: Department) => (
    <li key={d.id}>
      <button type="button" className="link" aria-current={department === d.id ? "true" : undefined} onClick={() => setDepartment(d.id)}>{d.name}</button>
      {children(d.id).length > 0 && <ul>{children(d.id).map(node)}</ul>}
    </li>
  );
  return (
    <div className="contacts-panes">
      <nav aria-label={t("contacts.departments")} className="contacts-groups">
        <h2>{t("contacts.departments")}</h2>
        <ul className="tree" data-testid="department-tree">
          <li><button type="button" className="link" aria-current={department === "" ? "true" : undefined} onClick={() => setDepartment("")}>{t("contacts.everyone")}</button></li>
          {children(null).map(node)}
        </ul>
      </nav>
      <div className="contacts-list">
        <label className="directory-search">{t("contacts.directorySearch")}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("contacts.directoryHint")} />
        </label>
        <ProblemBanner problem={departments.error ?? people.error ?? problem} />
        <div className="scroll">
          <table data-testid="directory-list" aria-busy={people.loading}>
            <caption className="sr-only">{t("contacts.directoryCaption")}</caption>
            <thead><tr>
              <th scope="col">{t("contacts.name")}</th><th scope="col">{t("contacts.email")}</th>
              <th scope="col">{t("contacts.jobTitle")}</th><th scope="col">{t("contacts.department")}</th>
              <th scope="col"><span className="sr-only">{t("contacts.actions")}</span></th>
            </tr></thead>
            <tbody>
              {(people.data ?? []).map((p) => (
                <tr key={p.id} data-person={p.address}>
                  <td>{p.display_name}</td><td className="wrap">{p.address}</td><td>{p.job_title}</td>
                  <td>{p.department_ids.map(nameOf).filter(Boolean).join(", ")}</td>
                  <td>{p.id !== account && (kept.includes(p.id)
                    ? <span className="badge good">{t("contacts.kept")}</span>
                    : <button type="button" className="small" title={t("contacts.keep", { name: p.display_name || p.address })} onClick={() => void keep(p)}>{t("contacts.keepShort")}</button>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {people.data && people.data.length === 0 && <p role="status">{t("contacts.noneFound")}</p>}
      </div>
    </div>
  );
}
