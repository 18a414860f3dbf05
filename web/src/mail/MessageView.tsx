/** One message: headers, actions and the body (sanitised HTML in a sandboxed frame). */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Message } from "./mailApi";
import { formatDateTime } from "../i18n/format";
import { hasRemoteImages, mailSrcdoc } from "./srcdoc";
import { InvitationBar } from "../calendar/InvitationBar";

export function MessageView({ message, onReply, onArchive, onDelete, onToggleSeen, onToggleFlag }: {
  message: Message; onReply: () => void; onArchive: () => void; onDelete: () => void;
  onToggleSeen: () => void; onToggleFlag: () => void;
}) {
  const { t } = useTranslation();
  const [images, setImages] = useState<string | null>(null);
  const showImages = images === message.id;
  const who = (a?: { name?: string | null; address: string } | null) => (a ? (a.name ? `${a.name} <${a.address}>` : a.address) : "");
  return (
    <article className="mail-view" aria-labelledby="mail-subject" data-testid="message-view">
      <h2 id="mail-subject">{message.subject || t("mail.noSubject")}</h2>
      <dl className="facts">
        <dt>{t("mail.from")}</dt><dd>{who(message.from)}</dd>
        <dt>{t("mail.to")}</dt><dd>{message.to.map(who).join(", ")}</dd>
        <dt>{t("mail.date")}</dt><dd>{formatDateTime(message.received_at)}</dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={onReply}>{t("mail.reply")}</button>
        <button type="button" onClick={onArchive}>{t("mail.archive")}</button>
        <button type="button" onClick={onDelete}>{t("mail.delete")}</button>
        <button type="button" onClick={onToggleSeen}>{message.seen ? t("mail.markUnread") : t("mail.markRead")}</button>
        <button type="button" onClick={onToggleFlag}>{message.flagged ? t("mail.unflag") : t("mail.flag")}</button>
      </div>
      <InvitationBar message={message} />
      {message.html ? (
        <>
          {!showImages && hasRemoteImages(message.html) && (
            <p className="notice">
              {t("mail.imagesBlocked")}{" "}
              <button type="button" onClick={() => setImages(message.id)}>{t("mail.showImages")}</button>
            </p>
          )}
          <iframe
            key={`${message.id}-${showImages}`} title={t("mail.bodyFrame")} sandbox=""
            referrerPolicy="no-referrer" srcDoc={mailSrcdoc(message.html, showImages)}
            className="mail-body" data-testid="message-body"
          />
        </>
      ) : (
        <pre className="mail-text" data-testid="message-body">{message.text}</pre>
      )}
    </article>
  );
}
