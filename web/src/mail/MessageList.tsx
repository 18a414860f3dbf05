/** The message list of a folder or a search: sender, subject, snippet, time, markers. */
import { useTranslation } from "react-i18next";
import type { Summary } from "./mailApi";

export function MessageList({ messages, current, onOpen, onMore, hasMore }: {
  messages: Summary[]; current: number; onOpen: (index: number) => void;
  onMore: () => void; hasMore: boolean;
}) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short" });
  if (!messages.length) return <p className="mail-empty">{t("mail.empty")}</p>;
  return (
    <div className="mail-list">
      <ul data-testid="message-list" aria-label={t("mail.listLabel")}>
        {messages.map((m, i) => (
          <li
            key={m.id} data-id={m.id} data-unread={m.seen ? "false" : "true"}
            aria-current={i === current ? "true" : undefined}
            className={i === current ? "current" : undefined}
          >
            <button type="button" onClick={() => onOpen(i)}>
              <span className="from">{m.from?.name || m.from?.address || t("mail.noSender")}</span>
              {!m.seen && <span className="marker">{t("mail.unread")}</span>}
              {m.flagged && <span className="marker">{t("mail.flagged")}</span>}
              <span className="subject">{m.subject || t("mail.noSubject")}</span>
              <span className="snippet">{m.snippet}</span>
              <time dateTime={m.received_at}>{time.format(new Date(m.received_at))}</time>
            </button>
          </li>
        ))}
      </ul>
      {hasMore && <button type="button" onClick={onMore}>{t("mail.loadMore")}</button>}
    </div>
  );
}
