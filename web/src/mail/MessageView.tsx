/** One message: who sent it (with the authentication results and look-alike warnings), the
 * actions, the conversation it belongs to, its attachments (size, download, preview of images
 * and PDF), the body in a sandboxed frame served by the server under its own CSP, and the
 * raw source on request. */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Message, SenderEntry, Summary } from "./mailApi";
import { attachmentUrl, listed, previewUrl, rawSource } from "./mailApi";
import { formatDateTime } from "../i18n/format";
import { authResults, senderWarnings, type Warning } from "./senderCheck";
import { useColleagueNames } from "./colleagues";
import { FRAME_SANDBOX, frameUrl, hasRemoteImages, humanSize } from "./srcdoc";
import { InvitationBar } from "../calendar/InvitationBar";
import { mark } from "../app/marks";

export interface MessageActions {
  onReply: () => void;
  onReplyAll: () => void;
  onForward: () => void;
  onArchive: () => void;
  onDelete: () => void;
  onToggleSeen: () => void;
  onToggleFlag: () => void;
  onJunk: (spam: boolean) => void;
  onSender: (list: "allow" | "block" | "images", action?: "junk" | "trash") => void;
  onOpenInThread: (id: string) => void;
}

type Who = { name?: string | null; address: string } | null | undefined;
const who = (a: Who) => (a ? (a.name ? `${a.name} <${a.address}>` : a.address) : "");

function warningText(w: Warning, t: (k: string, o?: Record<string, string>) => string): string {
  switch (w.kind) {
    case "authFailed": return t("reading.warn.authFailed", { method: w.method });
    case "punycode": return t("reading.warn.punycode", { domain: w.domain, shown: w.shown });
    case "mixedScript": return t("reading.warn.mixedScript", { domain: w.domain });
    case "nameHasAddress": return t("reading.warn.nameHasAddress", { claimed: w.claimed });
    case "colleagueName": return t("reading.warn.colleagueName", { name: w.name });
  }
}

/** The view of a message from its row alone, while the message itself is asked for: the
 * header the list knows and the body frame, which starts loading at once (the same frame
 * stays when the message arrives). */
export function fromSummary(summary: Summary): Message {
  return {
    ...summary, to: [], cc: [], bcc: [], reply_to: [], headers: [], attachments: [], html: null, text: null,
  } as unknown as Message;
}

export function MessageView({ account, message, inJunk, ownDomain, imageSenders, thread, actions, partial = false }: {
  account: string; message: Message; inJunk: boolean; ownDomain: string;
  imageSenders: SenderEntry[]; thread: Summary[]; actions: MessageActions;
  /** Only the row is known yet (`fromSummary`): header and body frame, no actions. */
  partial?: boolean;
}) {
  const { t } = useTranslation();
  const [images, setImages] = useState<string | null>(null);
  const [raw, setRaw] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [blockAction, setBlockAction] = useState<"junk" | "trash">("junk");
  useEffect(() => { setRaw(null); setPreview(null); }, [message.id]);
  const sender = message.from?.address ?? "";
  const trusted = !!sender && listed(imageSenders, sender);
  const showImages = images === message.id || trusted;
  const auth = authResults(message.headers);
  const ownDomains = ownDomain ? [ownDomain] : [];
  const colleagues = useColleagueNames(message.from, ownDomains);
  const warnings = senderWarnings(message.from, auth, ownDomains, colleagues);
  const files = message.attachments.filter((a) => !(a.inline && a.content_id));
  const previewed = files.find((a) => a.id === preview);
  return (
    <article className="mail-view" aria-labelledby="mail-subject" data-testid="message-view" aria-busy={partial || undefined}>
      <h2 id="mail-subject">{message.subject || t("mail.noSubject")}</h2>
      {warnings.length > 0 && (
        <div className="mail-warning" role="alert" data-testid="sender-warning">
          <strong>{t("reading.warn.title")}</strong>
          <ul>{warnings.map((w, i) => <li key={i}>{warningText(w, t)}</li>)}</ul>
        </div>
      )}
      <dl className="facts">
        <dt>{t("mail.from")}</dt><dd data-testid="message-from">{who(message.from)}</dd>
        {!partial && <><dt>{t("mail.to")}</dt><dd>{message.to.map(who).join(", ")}</dd></>}
        {message.cc.length > 0 && (<><dt>{t("mail.cc")}</dt><dd>{message.cc.map(who).join(", ")}</dd></>)}
        <dt>{t("mail.date")}</dt><dd>{formatDateTime(message.received_at)}</dd>
        {!partial && (<><dt>{t("reading.auth")}</dt>
        <dd data-testid="auth-results">
          {(["spf", "dkim", "dmarc"] as const).map((m) => (
            <span key={m} className={`auth auth-${auth[m] ?? "none"}`}>
              {m.toUpperCase()}: {t(`reading.authState.${auth[m] ?? "none"}`, { defaultValue: auth[m] ?? "" })}{" "}
            </span>
          ))}
        </dd></>)}
      </dl>
      {!partial && (<>
      <div className="actions" role="toolbar" aria-label={t("reading.actions")}>
        <button type="button" onClick={actions.onReply}>{t("mail.reply")}</button>
        <button type="button" onClick={actions.onReplyAll}>{t("reading.replyAll")}</button>
        <button type="button" onClick={actions.onForward}>{t("reading.forward")}</button>
        <button type="button" onClick={actions.onArchive}>{t("mail.archive")}</button>
        <button type="button" onClick={actions.onDelete}>{t("mail.delete")}</button>
        <button type="button" onClick={actions.onToggleSeen}>{message.seen ? t("mail.markUnread") : t("mail.markRead")}</button>
        <button type="button" onClick={actions.onToggleFlag}>{message.flagged ? t("mail.unflag") : t("mail.flag")}</button>
        {inJunk
          ? <button type="button" onClick={() => actions.onJunk(false)}>{t("reading.notJunk")}</button>
          : <button type="button" onClick={() => actions.onJunk(true)}>{t("reading.junk")}</button>}
        <button type="button" onClick={() => void rawSource(account, message.id).then(setRaw)}>{t("reading.showOriginal")}</button>
      </div>
      {sender && (
        <div className="actions sender-actions">
          <label>
            {t("reading.blockInto")}{" "}
            <select value={blockAction} onChange={(e) => setBlockAction(e.target.value as "junk" | "trash")}>
              <option value="junk">{t("mail.folders.junk")}</option>
              <option value="trash">{t("mail.folders.trash")}</option>
            </select>
          </label>
          <button type="button" onClick={() => actions.onSender("block", blockAction)}>{t("reading.block", { sender })}</button>
          <button type="button" onClick={() => actions.onSender("allow")}>{t("reading.allow", { sender })}</button>
        </div>
      )}
      <InvitationBar message={message} />
      {thread.length > 1 && (
        <nav className="mail-thread" aria-label={t("reading.conversation", { count: thread.length })}>
          <h3>{t("reading.conversation", { count: thread.length })}</h3>
          <ol>
            {thread.map((m) => (
              <li key={m.id} aria-current={m.id === message.id ? "true" : undefined}>
                <button type="button" onClick={() => actions.onOpenInThread(m.id)} disabled={m.id === message.id}>
                  {m.from?.name || m.from?.address} · {formatDateTime(m.received_at)} · {m.snippet}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {files.length > 0 && (
        <section className="mail-attachments" aria-label={t("reading.attachments")}>
          <h3>{t("reading.attachmentsCount", { count: files.length })}</h3>
          <ul>
            {files.map((a) => (
              <li key={a.id} data-testid="attachment">
                <span className="name">{a.filename || t("reading.unnamed")}</span>{" "}
                <span className="size">{humanSize(a.size)}</span>{" "}
                <a href={attachmentUrl(account, message.id, a.id)} download={a.filename || true}>{t("reading.download")}</a>{" "}
                {(/^image\/(png|jpeg|gif|webp|bmp)$/.test(a.content_type) || a.content_type === "application/pdf") && (
                  <button type="button" onClick={() => setPreview(preview === a.id ? null : a.id)}>
                    {preview === a.id ? t("reading.closePreview") : t("reading.preview")}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {previewed && (previewed.content_type === "application/pdf" ? (
            <iframe className="mail-preview" title={previewed.filename} sandbox="" src={previewUrl(message.id, previewed.id)} />
          ) : (
            <img className="mail-preview" alt={previewed.filename} src={previewUrl(message.id, previewed.id)} data-testid="attachment-preview" />
          ))}
        </section>
      )}
      </>)}
      {message.html && !showImages && hasRemoteImages(message.html) && (
        <p className="notice" data-testid="images-blocked">
          {t("mail.imagesBlocked")}{" "}
          <button type="button" onClick={() => setImages(message.id)}>{t("mail.showImages")}</button>{" "}
          <button type="button" onClick={() => { setImages(message.id); actions.onSender("images"); }}>
            {t("reading.alwaysShowImages", { sender })}
          </button>
        </p>
      )}
      <iframe
        key={`${message.id}-${showImages}`} title={t("mail.bodyFrame")} sandbox={FRAME_SANDBOX}
        referrerPolicy="no-referrer" src={frameUrl(message.id, showImages)}
        className="mail-body" data-testid="message-body" onLoad={() => mark("mp:body")}
      />
      {raw !== null && (
        <section aria-label={t("reading.original")}>
          <h3>{t("reading.original")}</h3>
          <button type="button" onClick={() => setRaw(null)}>{t("reading.closeOriginal")}</button>
          <pre className="mail-raw" data-testid="raw-source" tabIndex={0}>{raw}</pre>
        </section>
      )}
    </article>
  );
}
