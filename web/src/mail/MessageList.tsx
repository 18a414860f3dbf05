/** The message list of a folder or a search: a checkbox for multi-select, sender, subject,
 * snippet, time, markers (unread, flagged, attachment, messages in the conversation). Pages
 * come by keyset cursor: the next one loads when the end of the list scrolls into view. */
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Summary } from "./mailApi";

export function MessageList({ messages, current, selected, onOpen, onToggle, onMore, hasMore }: {
  messages: Summary[]; current: number; selected: Set<string>;
  onOpen: (index: number) => void; onToggle: (id: string) => void;
  onMore: () => void; hasMore: boolean;
}) {
  const { t, i18n } = useTranslation();
  const end = useRef<HTMLButtonElement>(null);
  const more = useRef(onMore);
  more.current = onMore;
  useEffect(() => {
    const sentinel = end.current;
    if (!sentinel || !hasMore || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) more.current(); });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasMore, messages.length]);
  useEffect(() => {
    document.querySelector(".mail-list li.current")?.scrollIntoView({ block: "nearest" });
  }, [current]);
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
            <input
              type="checkbox" checked={selected.has(m.id)} onChange={() => onToggle(m.id)}
              aria-label={t("reading.select", { subject: m.subject || t("mail.noSubject") })}
            />
            <button type="button" onClick={() => onOpen(i)}>
              <span className="from">{m.from?.name || m.from?.address || t("mail.noSender")}</span>
              <span className="markers">
                {!m.seen && <span className="marker">{t("mail.unread")}</span>}
                {m.flagged && <span className="marker">{t("mail.flagged")}</span>}
                {m.has_attachments && <span className="marker" data-testid="has-attachment">{t("reading.hasAttachment")}</span>}
                {(m.thread_count ?? 1) > 1 && (
                  <span className="marker" data-testid="thread-count" aria-label={t("reading.threadCount", { count: m.thread_count ?? 1 })}>
                    {m.thread_count}
                  </span>
                )}
              </span>
              <span className="subject">{m.subject || t("mail.noSubject")}</span>
              <time dateTime={m.received_at}>{time.format(new Date(m.received_at))}</time>
              <span className="snippet">{m.snippet}</span>
            </button>
          </li>
        ))}
      </ul>
      {hasMore && <button type="button" ref={end} onClick={onMore}>{t("mail.loadMore")}</button>}
    </div>
  );
}
