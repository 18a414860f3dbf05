/** The accept / maybe / decline bar the webmail shows above an invitation (an iMIP message):
 * it finds the invitation's event in the person's calendar and answers it there. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, must, problemOf, type Problem, type Schemas } from "../api/client";
import { useSession } from "../app/session";
import { useLoad } from "../components/useLoad";
import { ProblemBanner } from "../components/ProblemBanner";
import { listEvents, respond, type Answer, type CalEvent } from "./calApi";
import { readInvitation } from "./itip";
import { AnswerBadge, ANSWERS } from "./EventPanel";
import { addDays } from "./zone";
import { useZone } from "./useZone";
import "./notices.css";

async function findInvitation(account: string, message: Schemas["Message"]): Promise<CalEvent | null> {
  const part = message.attachments.find((a) => a.calendar);
  if (!part) return null;
  const r = await api.GET("/v1/accounts/{account}/mail/messages/{message_id}/attachments/{attachment_id}", {
    params: { path: { account, message_id: message.id, attachment_id: part.id } }, parseAs: "text",
  });
  const invitation = readInvitation(String(must(r)));
  if (!invitation || invitation.method !== "REQUEST" || !invitation.day) return null;
  const from = new Date(`${addDays(invitation.day, -2)}T00:00:00Z`);
  const to = new Date(`${addDays(invitation.day, 3)}T00:00:00Z`);
  const found = (await listEvents(account, from, to)).filter((e) => e.uid === invitation.uid && !e.is_organizer);
  return found.find((e) => !e.recurrence_id) ?? found[0] ?? null;
}

export function InvitationBar({ message }: { message: Schemas["Message"] }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const zone = useZone();
  const account = me?.account_id ?? "";
  const hasCalendar = message.attachments.some((a) => a.calendar);
  const found = useLoad(() => (hasCalendar ? findInvitation(account, message) : Promise.resolve(null)), [account, message.id, hasCalendar]);
  const [answer, setAnswer] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const event = found.data;
  if (!hasCalendar || !event) return null;
  const current = answer ?? event.response;
  const answerWith = async (a: Answer) => {
    setProblem(null);
    try {
      await respond(account, event.series_id ?? event.id, a);
      setAnswer(a);
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(new Date(event.start_at));
  return (
    <div className="invite-bar" role="group" aria-label={t("calendar.invite.label")} data-testid="invitation-bar">
      <span>{t("calendar.invite.text", { title: event.title || t("calendar.noTitle"), when })}</span>
      <span>{t("calendar.yourAnswer")}: <AnswerBadge answer={current} /></span>
      {ANSWERS.map((a) => (
        <button key={a} type="button" aria-pressed={current === a} onClick={() => void answerWith(a)}>{t(`calendar.respond.${a}`)}</button>
      ))}
      <a href={`/calendar?view=week&date=${event.start.slice(0, 10)}`}>{t("calendar.invite.open")}</a>
      <ProblemBanner problem={problem} />
    </div>
  );
}
