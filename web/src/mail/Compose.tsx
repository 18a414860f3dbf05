/** Compose or reply: to, cc, subject, plain-text body, sent through the send endpoint. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { ProblemBanner } from "../components/ProblemBanner";
import { send, type Outgoing } from "./mailApi";

const split = (value: string) => value.split(/[,;，；\s]+/).map((s) => s.trim()).filter(Boolean);

export function Compose({ account, draft, onDone }: {
  account: string; draft: Outgoing; onDone: (sent: boolean) => void;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState(draft.to.join(", "));
  const [cc, setCc] = useState(draft.cc.join(", "));
  const [subject, setSubject] = useState(draft.subject);
  const [text, setText] = useState(draft.text);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await send(account, { to: split(to), cc: split(cc), subject, text, reply_to_message_id: draft.reply_to_message_id });
      onDone(true);
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="mail-compose" aria-label={t("mail.compose")} onSubmit={(e) => void submit(e)}>
      <h2>{draft.reply_to_message_id ? t("mail.reply") : t("mail.compose")}</h2>
      {problem && <ProblemBanner problem={problem} />}
      <label>{t("mail.to")}<input value={to} onChange={(e) => setTo(e.target.value)} required /></label>
      <label>{t("mail.cc")}<input value={cc} onChange={(e) => setCc(e.target.value)} /></label>
      <label>{t("mail.subject")}<input value={subject} onChange={(e) => setSubject(e.target.value)} /></label>
      <label>{t("mail.body")}<textarea rows={12} value={text} onChange={(e) => setText(e.target.value)} autoFocus /></label>
      <div className="actions">
        <button type="submit" disabled={busy}>{t("mail.send")}</button>
        <button type="button" onClick={() => onDone(false)}>{t("common.cancel")}</button>
      </div>
    </form>
  );
}
