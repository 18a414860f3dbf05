/** A new contact: name, email, phone, organisation and title. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { ProblemBanner } from "../components/ProblemBanner";
import { createContact } from "./contactsApi";

export function ContactForm({ account, book, onCreated }: { account: string; book: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [organization, setOrganization] = useState("");
  const [title, setTitle] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      await createContact(account, {
        address_book_id: book, display_name: name, organization, title,
        emails: email ? [{ address: email, type: "work", primary: true }] : [],
        phones: phone ? [{ number: phone, type: "mobile" }] : [],
      });
      setName(""); setEmail(""); setPhone(""); setOrganization(""); setTitle("");
      onCreated();
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  return (
    <form className="panel" aria-labelledby="new-contact" onSubmit={(e) => void submit(e)}>
      <h2 id="new-contact">{t("contacts.newContact")}</h2>
      <div className="grid">
        <label>{t("contacts.name")}<input required value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label>{t("contacts.email")}<input type="email" value={email} onChange={(e) => setEmail(e.target.value)} /></label>
        <label>{t("contacts.phone")}<input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} /></label>
        <label>{t("contacts.organization")}<input value={organization} onChange={(e) => setOrganization(e.target.value)} /></label>
        <label>{t("contacts.jobTitle")}<input value={title} onChange={(e) => setTitle(e.target.value)} /></label>
        <div className="actions"><button type="submit" className="primary">{t("common.add")}</button></div>
      </div>
      <ProblemBanner problem={problem} />
    </form>
  );
}
