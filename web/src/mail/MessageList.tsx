/** The message list of a folder or a search: a checkbox for multi-select, sender, subject,
 * snippet, time, markers (unread, flagged, attachment, messages in the conversation).
 *
 * Windowed: the list scrolls in its own box and only the rows in view (plus a few either
 * side) are in the DOM, whatever the number loaded; rows have one fixed height, measured
 * from the first one drawn. Pages come by keyset cursor: the next one loads when the end of
 * what is loaded comes near (scrolled to, or reached with j). The scroll position stays as it
 * was when a message opens, and rows arriving at the top do not move the rows in view. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Summary } from "./mailApi";
import { mark } from "../app/marks";

/** Rows drawn above and below the ones in view. */
const OVERSCAN = 8;
/** A row's height before one is measured (px); the CSS fixes the real one. */
const GUESS = 76;
/** Load the next page when the last row in view is this close to the end of what is loaded. */
const NEAR_END = 20;
/** The pointer rests this long on a row before its message is asked for ahead of a click. */
const HOVER_MS = 80;

/** The rows [start, end) to draw for a box scrolled to `top` showing `height` px. */
export function windowOf(count: number, row: number, top: number, height: number, overscan = OVERSCAN): [number, number] {
  const first = Math.floor(Math.max(0, top) / row);
  const last = Math.ceil((Math.max(0, top) + Math.max(height, row)) / row);
  return [Math.max(0, first - overscan), Math.min(count, last + overscan)];
}

export function MessageList({ messages, current, selected, onOpen, onToggle, onMore, hasMore, onHover }: {
  messages: Summary[]; current: number; selected: Set<string>;
  onOpen: (index: number) => void; onToggle: (id: string) => void;
  onMore: () => void; hasMore: boolean;
  /** The pointer rests on a row: its message can be asked for ahead. */
  onHover?: (index: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [row, setRow] = useState(GUESS);
  const [view, setView] = useState({ top: 0, height: 900 });
  const more = useRef(onMore);
  more.current = onMore;
  const firstId = useRef<string | undefined>(undefined);
  const drawn = useRef(false);
  useEffect(() => {
    if (!drawn.current && messages.length) { drawn.current = true; mark("mp:rows"); }
  }, [messages.length]);
  const hover = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(hover.current), []);
  const rest = (i: number) => {
    clearTimeout(hover.current);
    if (onHover) hover.current = setTimeout(() => onHover(i), HOVER_MS);
  };
  const time = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short" }), [i18n.language]);

  const measure = useCallback(() => {
    const el = box.current;
    if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  }, []);
  useLayoutEffect(() => {
    const el = box.current;
    const drawn = el?.querySelector("li");
    if (drawn && drawn.offsetHeight && drawn.offsetHeight !== row) setRow(drawn.offsetHeight);
    measure();
  });
  useEffect(() => {
    if (typeof ResizeObserver === "undefined" || !box.current) return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(box.current);
    return () => observer.disconnect();
  }, [measure, messages.length > 0]);

  // rows that arrive above the ones in view push the scroll position down by as much
  useLayoutEffect(() => {
    const el = box.current;
    const before = firstId.current;
    firstId.current = messages[0]?.id;
    if (!el || !before || el.scrollTop === 0) return;
    const moved = messages.findIndex((m) => m.id === before);
    if (moved > 0) el.scrollTop += moved * row;
  }, [messages, row]);

  // keep the current row in view when it moves (j/k), and only then: pages loading or rows
  // arriving leave the scroll position alone
  const shown = useRef(current);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || shown.current === current) return;
    shown.current = current;
    const top = current * row;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + row > el.scrollTop + el.clientHeight) el.scrollTop = top + row - el.clientHeight;
    measure();
  }, [current, row, measure]);

  const [start, end] = windowOf(messages.length, row, view.top, view.height);
  const lastInView = Math.min(messages.length, Math.ceil((view.top + view.height) / row));
  useEffect(() => {
    if (hasMore && messages.length && Math.max(lastInView, current + 1) >= messages.length - NEAR_END) more.current();
  }, [hasMore, lastInView, current, messages.length]);

  if (!messages.length) return <p className="mail-empty">{t("mail.empty")}</p>;
  return (
    <div className="mail-list" ref={box} onScroll={measure} data-testid="message-scroller">
      <ul
        data-testid="message-list" aria-label={t("mail.listLabel")}
        style={{ paddingTop: start * row, paddingBottom: (messages.length - end) * row }}
      >
        {messages.slice(start, end).map((m, offset) => {
          const i = start + offset;
          return (
            <li
              key={m.id} data-id={m.id} data-unread={m.seen ? "false" : "true"}
              aria-setsize={hasMore ? -1 : messages.length} aria-posinset={i + 1}
              aria-current={i === current ? "true" : undefined}
              className={i === current ? "current" : undefined}
            >
              <input
                type="checkbox" checked={selected.has(m.id)} onChange={() => onToggle(m.id)}
                aria-label={t("reading.select", { subject: m.subject || t("mail.noSubject") })}
              />
              <button
                type="button" onClick={() => { clearTimeout(hover.current); onOpen(i); }}
                onPointerEnter={() => rest(i)} onPointerLeave={() => clearTimeout(hover.current)}
              >
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
          );
        })}
      </ul>
      {hasMore && <button type="button" onClick={onMore}>{t("mail.loadMore")}</button>}
    </div>
  );
}
