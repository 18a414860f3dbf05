/** Signature, auto-reply (vacation) with its dates, and forwarding where the organisation
 * allows it: one form, saved as a merge patch of the mail settings. */
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { ProblemBanner } from "../components/ProblemBanner";
import { getSettings, saveSettings, type MailSettings } from "./settingsApi";

/** RFC 3339 (UTC) to the value of a datetime-local field in the browser's zone, and back. */
const toLocal = (iso?: string | null) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
};
const fromLocal = (value: string) => (value ? new Date(value).toISOString() : null);

export function MailSettingsForm({ account }: { account: string }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<MailSettings | null>(null);
  const [signature, setSignature] = useState("");
  const [away, setAway] = useState(false);
  const [awaySubject, setAwaySubject] = useState("");
  const [awayText, setAwayText] = useState("");
  const [starts, setStarts] = useState("");
  const [ends, setEnds] = useState("");
  const [forwarding, setForwarding] = useState(false);
  const [forwardTo, setForwardTo] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState("");

  const show = (s: MailSettings) => {
    setSettings(s);
    setSignature(s.signature);
    setAway(s.auto_reply.enabled);
    setAwaySubject(s.auto_reply.subject);
    setAwayText(s.auto_reply.text);
    setStarts(toLocal(s.auto_reply.starts_at));
    setEnds(toLocal(s.auto_reply.ends_at));
    setForwarding(s.forwarding.enabled);
    setForwardTo(s.forwarding.address ?? "");
  };
  useEffect(() => { getSettings(account).then(show).catch((e) => setProblem(problemOf(e))); }, [account]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone("");
    try {
      const policy = settings?.forwarding_policy ?? "off";
      show(await saveSettings(account, {
        signature,
        auto_reply: { enabled: away, subject: awaySubject, text: awayText, starts_at: fromLocal(starts), ends_at: fromLocal(ends) },
        ...(policy !== "off" ? { forwarding: { enabled: forwarding, ...(forwardTo ? { address: forwardTo } : {}) } } : {}),
      }));
      setProblem(null);
      setDone(t("settings.saved"));
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  if (!settings) return <ProblemBanner problem={problem} />;
  const policy = settings.forwarding_policy;
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="mail-settings-title" className="settings-form">
      <h2 id="mail-settings-title">{t("settings.mailTitle")}</h2>
      <ProblemBanner problem={problem} />
      <label>{t("settings.signature")}<textarea rows={4} value={signature} onChange={(e) => setSignature(e.target.value)} /></label>
      <fieldset>
        <legend>{t("settings.autoReply")}</legend>
        <label className="inline"><input type="checkbox" checked={away} onChange={(e) => setAway(e.target.checked)} />{t("settings.autoReplyOn")}</label>
        <label>{t("settings.autoReplySubject")}<input value={awaySubject} onChange={(e) => setAwaySubject(e.target.value)} placeholder={t("settings.autoReplySubjectHint")} /></label>
        <label>{t("settings.autoReplyText")}<textarea rows={4} value={awayText} onChange={(e) => setAwayText(e.target.value)} /></label>
        <label>{t("settings.starts")}<input type="datetime-local" value={starts} onChange={(e) => setStarts(e.target.value)} /></label>
        <label>{t("settings.ends")}<input type="datetime-local" value={ends} onChange={(e) => setEnds(e.target.value)} /></label>
        <p className="hint">{t("settings.autoReplyHint", { days: settings.auto_reply.interval_days })}</p>
      </fieldset>
      <fieldset>
        <legend>{t("settings.forwarding")}</legend>
        {policy === "off" ? <p>{t("settings.forwardingOff")}</p> : (
          <>
            <label className="inline"><input type="checkbox" checked={forwarding} onChange={(e) => setForwarding(e.target.checked)} />{t("settings.forwardingOn")}</label>
            <label>{t("settings.forwardTo")}<input type="email" value={forwardTo} onChange={(e) => setForwardTo(e.target.value)} /></label>
            {policy === "internal" && <p className="hint">{t("settings.forwardingInternal")}</p>}
          </>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit">{t("settings.save")}</button>
        <span role="status">{done}</span>
      </div>
    </form>
  );
}
