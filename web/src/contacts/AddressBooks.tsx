/** The person's address books: pick a book, filter by group or search, add contacts, gather
 * them into groups, and move whole books in and out as vCard files. */
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { useSession } from "../app/session";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { byName } from "../i18n/format";
import { createBook, createGroup, deleteContact, deleteGroup, listBooks, listContacts, listGroups, setGroupMembers } from "./contactsApi";
import { ContactForm } from "./ContactForm";
import { VcardFiles } from "./VcardFiles";

export function AddressBooks() {
  const { t } = useTranslation();
  const { me } = useSession();
  const account = me?.account_id ?? "";
  const books = useLoad(() => listBooks(account), [account]);
  const [book, setBook] = useState("");
  const [q, setQ] = useState("");
  const [group, setGroup] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [bookName, setBookName] = useState("");
  const [groupName, setGroupName] = useState("");
  useEffect(() => {
    const all = books.data ?? [];
    if (all.length && !all.some((b) => b.id === book)) setBook((all.find((b) => b.is_default) ?? all[0]).id);
  }, [books.data, book]);
  const contacts = useLoad(() => (book ? listContacts(account, book, q.trim(), group) : Promise.resolve([])), [account, book, q, group]);
  const groups = useLoad(() => (book ? listGroups(account, book) : Promise.resolve([])), [account, book]);
  const act = async (fn: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await fn();
      contacts.reload();
      groups.reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const addBook = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const made = await createBook(account, bookName);
      setBookName("");
      books.reload();
      setBook(made.id);
    });
  };
  const addGroup = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await createGroup(account, book, groupName);
      setGroupName("");
    });
  };
  const addToGroup = (id: string) => {
    const target = (groups.data ?? []).find((g) => g.id === id);
    if (target) void act(async () => {
      await setGroupMembers(account, target, [...new Set([...target.member_ids, ...picked])]);
      setPicked([]);
    });
  };
  const groupName_ = (id: string) => (groups.data ?? []).find((g) => g.id === id)?.name ?? "";
  const list = byName(contacts.data ?? [], (c) => c.display_name);
  return (
    <div className="contacts-books">
      <div className="toolbar">
        <label>{t("contacts.book")}
          <select value={book} onChange={(e) => { setBook(e.target.value); setGroup(""); }}>
            {(books.data ?? []).map((b) => <option key={b.id} value={b.id}>{b.is_default ? t("contacts.defaultBook") : b.name}</option>)}
          </select>
        </label>
        <form className="inline" onSubmit={addBook} aria-label={t("contacts.newBook")}>
          <label>{t("contacts.newBook")}<input required value={bookName} onChange={(e) => setBookName(e.target.value)} /></label>
          <button type="submit">{t("common.create")}</button>
        </form>
        {book && <VcardFiles account={account} book={book} onImported={() => act(async () => undefined)} />}
      </div>
      <ProblemBanner problem={books.error ?? contacts.error ?? problem} />
      <div className="contacts-panes">
        <nav aria-label={t("contacts.groups")} className="contacts-groups">
          <h2>{t("contacts.groups")}</h2>
          <ul>
            <li><button type="button" className="link" aria-current={group === "" ? "true" : undefined} onClick={() => setGroup("")}>{t("contacts.allContacts")}</button></li>
            {byName(groups.data ?? [], (g) => g.name).map((g) => (
              <li key={g.id}>
                <button type="button" className="link" aria-current={group === g.id ? "true" : undefined} onClick={() => setGroup(g.id)}>
                  {g.name} ({g.member_ids.length})
                </button>{" "}
                <button type="button" className="small" aria-label={t("contacts.deleteGroup", { name: g.name })}
                  onClick={() => window.confirm(t("contacts.deleteGroup", { name: g.name })) && void act(async () => { await deleteGroup(account, g.id); if (group === g.id) setGroup(""); })}>×</button>
              </li>
            ))}
          </ul>
          <form onSubmit={addGroup} className="inline">
            <label>{t("contacts.newGroup")}<input required value={groupName} onChange={(e) => setGroupName(e.target.value)} /></label>
            <button type="submit" disabled={!book}>{t("common.create")}</button>
          </form>
        </nav>
        <div className="contacts-list">
          <div className="toolbar">
            <label>{t("contacts.search")}<input type="search" value={q} onChange={(e) => setQ(e.target.value)} /></label>
            <label>{t("contacts.addToGroup")}
              <select value="" disabled={!picked.length} onChange={(e) => e.target.value && addToGroup(e.target.value)}>
                <option value="">{t("contacts.pickGroup", { count: picked.length })}</option>
                {(groups.data ?? []).map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
              </select>
            </label>
          </div>
          <div className="scroll">
            <table data-testid="contact-list">
              <caption className="sr-only">{t("contacts.listCaption")}</caption>
              <thead><tr>
                <th scope="col"><span className="sr-only">{t("contacts.select")}</span></th>
                <th scope="col">{t("contacts.name")}</th><th scope="col">{t("contacts.email")}</th>
                <th scope="col">{t("contacts.phone")}</th><th scope="col">{t("contacts.groups")}</th><th scope="col"><span className="sr-only">{t("contacts.actions")}</span></th>
              </tr></thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id} data-contact={c.display_name}>
                    <td><input type="checkbox" aria-label={t("contacts.selectOne", { name: c.display_name })} checked={picked.includes(c.id)}
                      onChange={(e) => setPicked(e.target.checked ? [...picked, c.id] : picked.filter((x) => x !== c.id))} /></td>
                    <td>{c.display_name}{c.organization && <div className="hint">{c.organization}{c.title && ` · ${c.title}`}</div>}</td>
                    <td className="wrap">{c.emails.map((m) => m.address).join(", ")}</td>
                    <td>{c.phones.map((p) => p.number).join(", ")}</td>
                    <td>{c.group_ids.map(groupName_).filter(Boolean).join(", ")}</td>
                    <td><button type="button" className="small danger" aria-label={t("contacts.deleteOne", { name: c.display_name })}
                      onClick={() => window.confirm(t("contacts.deleteOne", { name: c.display_name })) && void act(() => deleteContact(account, c.id))}>{t("common.delete")}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {contacts.data && list.length === 0 && <p>{t("contacts.none")}</p>}
          {book && <ContactForm account={account} book={book} onCreated={() => act(async () => undefined)} />}
        </div>
      </div>
    </div>
  );
}
