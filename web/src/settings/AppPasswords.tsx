/** App passwords for mail clients (IMAP, SMTP, CalDAV): created and shown once, revoked. */
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { CopyButton } from "../components/CopyButton";
import { ProblemBanner } from "../components/ProblemBanner";
import { createAppPassword, listAppPasswords, revokeAppPassword, type AppPassword } from "./settingsApi";

export function AppPasswords({ account }: { account: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AppPassword[]>([]);
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<{ name: string; password: string } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const load = useCallback(() => { listAppPasswords(account).then(setItems).catch((e) => setProblem(problemOf(e))); }, [account]);
  useEffect(load, [load]);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const made = await createAppPassword(account, name.trim());
      setSecret({ name: made.name, password: made.password });
      setName("");
      setProblem(null);
      load();
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  const revoke = async (id: string) => {
    try { await revokeAppPassword(account, id); load(); } catch (err) { setProblem(problemOf(err)); }
  };
  return (
    <section aria-labelledby="app-passwords-title">
      <h2 id="app-passwords-title">{t("settings.appPasswords")}</h2>
      <p className="hint">{t("settings.appPasswordsHint")}</p>
      <ProblemBanner problem={problem} />
      {secret && (
        <div className="secret" role="alert">
          <p>{t("settings.shownOnce", { name: secret.name })}</p>
          <code data-testid="app-password">{secret.password}</code> <CopyButton value={secret.password} label={t("settings.copy")} />
          <button type="button" onClick={() => setSecret(null)}>{t("settings.done")}</button>
        </div>
      )}
      <form onSubmit={(e) => void create(e)} className="inline-form">
        <label>{t("settings.appPasswordName")}<input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} /></label>
        <button type="submit">{t("settings.create")}</button>
      </form>
      <ul>
        {items.map((p) => (
          <li key={p.id} data-testid="app-password-item">
            <span>{p.name}</span>{" "}
            <small>{t("settings.lastUsed", { when: p.last_used_at ? new Date(p.last_used_at).toLocaleString() : t("settings.never") })}</small>{" "}
            <button type="button" onClick={() => void revoke(p.id)}>{t("settings.revoke", { name: p.name })}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
