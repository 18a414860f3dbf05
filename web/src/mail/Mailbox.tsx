/** The webmail screen: folders, the message list, the open message, compose; actions on one
 * message or on every selected one (read/unread, flag, move, archive, delete, junk / not
 * junk); keyboard shortcuts (j/k, Enter/o, x, r, a, f, s, e, #, !, v, /, c, u); new mail
 * through the event stream (every open tab follows the same stream, so a second tab stays in
 * step); the unread count of the inbox in the tab title. */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { useSession } from "../app/session";
import { ProblemBanner } from "../components/ProblemBanner";
import { useEventStream } from "../components/useEventStream";
import type { ComposeOutcome, ComposeStart } from "./Compose";
import { cancelScheduled } from "./composeApi";
import { FolderList, folderName } from "./FolderList";
import { MessageList } from "./MessageList";
import { fromSummary, MessageView } from "./MessageView";
import {
  addSender, earlyFolders, earlyInbox, givenInbox, getMessage, getThread, listFolders, listMessages, listSenders, report,
  updateMessages, type Folder, type ListPage, type Message, type SenderEntry, type SenderList, type Summary,
} from "./mailApi";
import { mergeHead } from "./listMerge";
import { quoteReply } from "./srcdoc";
import { useMailKeys } from "./useMailKeys";
import { mark } from "../app/marks";

// compose and the scheduled list load when first wanted: the inbox starts without them
const Compose = lazy(() => import("./Compose").then((m) => ({ default: m.Compose })));
const ScheduledList = lazy(() => import("./ScheduledList").then((m) => ({ default: m.ScheduledList })));

/** Rows a new-mail event asks for: the newest of the list shown, merged into it. */
const HEAD = 20;
/** Messages asked for ahead (the row under the pointer, the rows j/k lands on and the next):
 * kept this long, at most this many. */
const AHEAD_MS = 30_000;
const AHEAD_MAX = 8;

type Change = { seen?: boolean; flagged?: boolean; folder_id?: string };

/** A saved draft as compose reopens it. */
function fromDraft(m: Message): ComposeStart {
  return {
    to: (m.to ?? []).map((r) => r.address), cc: (m.cc ?? []).map((r) => r.address),
    bcc: (m.bcc ?? []).map((r) => r.address), subject: m.subject, text: m.text ?? "",
    html: m.html ?? undefined, draftId: m.id,
    attachments: (m.attachments ?? []).map((a) => ({ filename: a.filename ?? "", size: a.size })),
  };
}

export function Mailbox() {
  const { t } = useTranslation();
  const { me } = useSession();
  const account = me?.account_id ?? "";
  const ownAddress = me?.address ?? "";
  const [folders, setFolders] = useState<Folder[]>([]);
  const [folderId, setFolderId] = useState<string>();
  const [query, setQuery] = useState("");
  // the inbox's first page, when the page brought it: drawn by the first render
  const [given] = useState(() => (account ? givenInbox(account) : null));
  const [messages, setMessages] = useState<Summary[]>(given?.data ?? []);
  const [cursor, setCursor] = useState<string | null>(given?.next_cursor ?? null);
  const listed = useRef(!!given);
  const [current, setCurrent] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Message | null>(null);
  /** The row being opened: its header and body frame show while the message is asked for. */
  const [opening, setOpening] = useState<Summary | null>(null);
  const ahead = useRef(new Map<string, { at: number; message: Promise<Message> }>());
  const showing = useRef("");
  const [thread, setThread] = useState<Summary[]>([]);
  const [imageSenders, setImageSenders] = useState<SenderEntry[]>([]);
  const [draft, setDraft] = useState<ComposeStart | null>(null);
  const [showScheduled, setShowScheduled] = useState(false);
  const [undo, setUndo] = useState<{ id: string; until: number } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState("");
  const search = useRef<HTMLInputElement>(null);
  const mover = useRef<HTMLSelectElement>(null);
  const role = (r: string) => folders.find((f) => f.role === r)?.id;
  /** The folder shown: the one chosen, else the inbox (listed by its role until the
   * folders are known). */
  const viewFolder = folderId ?? role("inbox");
  const paging = useRef(false);
  const heading = useRef(false);
  const wanted = useRef(false);

  const guard = useCallback(async (work: () => Promise<void>) => {
    try {
      await work();
      setProblem(null);
    } catch (e) {
      setProblem(problemOf(e));
    }
  }, []);
  const loadFolders = useCallback(() => guard(async () => {
    setFolders(await (earlyFolders(account) ?? listFolders(account)));
  }), [account, guard]);
  const loadList = useCallback(() => guard(async () => {
    const page: ListPage = await ((!folderId && !query && earlyInbox(account)) || listMessages(account, folderId, query));
    setMessages(page.data);
    setCursor(page.next_cursor ?? null);
  }), [account, folderId, query, guard]);
  /** New, changed or removed mail: the newest rows of the list shown, asked again and merged
   * (one small request; what is loaded further down and the scroll position stay). */
  const refreshHead = useCallback(() => guard(async () => {
    wanted.current = true;
    if (heading.current) return; // the one running asks once more when it is done
    heading.current = true;
    try {
      while (wanted.current) {
        wanted.current = false;
        const page = await listMessages(account, folderId, query, undefined, HEAD);
        setMessages((list) => mergeHead(list, page.data, !page.next_cursor));
        if (!page.next_cursor) setCursor(null);
      }
    } finally {
      heading.current = false;
    }
  }), [account, folderId, query, guard]);

  useEffect(() => { if (account) void loadFolders(); }, [account, loadFolders]);
  useEffect(() => {
    if (!account) return;
    if (listed.current) { listed.current = false; return; } // the first page came with the page
    void loadList();
  }, [account, loadList]);
  // the "always show images" senders matter once a message opens: asked for after the list
  const hasRows = messages.length > 0;
  useEffect(() => {
    if (account && hasRows) void guard(async () => setImageSenders(await listSenders(account, "images")));
  }, [account, guard, hasRows]);
  useEffect(() => { setSelected(new Set()); }, [folderId, query]);
  useEventStream(
    ["mail.message.received", "mail.message.updated", "mail.message.deleted", "mail.sender_entry.created"],
    (event) => {
      if (event.type === "mail.sender_entry.created") {
        void guard(async () => setImageSenders(await listSenders(account, "images")));
        return;
      }
      const data = event.data as { id?: string; account_id?: string; folder_id?: string; subject?: string; from?: string; received_at?: string };
      if (event.type === "mail.message.received" && data.account_id === account && data.id && !query
          && data.folder_id === viewFolder && data.received_at) {
        // the new row shows at once from what the event carries; the head fetched next
        // fills in the rest (sender's name, snippet, markers)
        const row = {
          id: data.id, account_id: account, folder_id: data.folder_id, subject: data.subject ?? "",
          from: data.from ? { address: data.from, name: "" } : null, received_at: data.received_at,
          seen: false, flagged: false, has_attachments: false, snippet: "", thread_count: 1,
        } as unknown as Summary;
        setMessages((list) => (list.some((m) => m.id === row.id) ? list : [row, ...list]));
      }
      ahead.current.clear();
      if (event.type === "mail.message.deleted") {
        const gone = String(event.data.id ?? "");
        setMessages((list) => list.filter((m) => m.id !== gone));
      }
      void refreshHead();
      void loadFolders();
    },
    !!account,
  );

  const inboxUnread = folders.find((f) => f.role === "inbox")?.unread_count ?? 0;
  useEffect(() => {
    document.title = inboxUnread ? t("mail.titleUnread", { count: inboxUnread }) : t("mail.title");
    return () => { document.title = "Mailplane"; };
  }, [inboxUnread, t]);

  const more = () => guard(async () => {
    if (!cursor || paging.current) return;
    paging.current = true;
    try {
      const page = await listMessages(account, folderId, query, cursor);
      setMessages((list) => {
        const have = new Set(list.map((m) => m.id));
        return [...list, ...page.data.filter((m) => !have.has(m.id))];
      });
      setCursor(page.next_cursor ?? null);
    } finally {
      paging.current = false;
    }
  });
  /** A message asked for ahead of its opening (hover, j/k): opening it then waits for
   * nothing. Any change to mail forgets them. */
  const fetchAhead = (id: string): Promise<Message> => {
    const now = Date.now();
    const hit = ahead.current.get(id);
    if (hit && now - hit.at < AHEAD_MS) return hit.message;
    const message = getMessage(account, id);
    message.catch(() => ahead.current.delete(id));
    ahead.current.set(id, { at: now, message });
    while (ahead.current.size > AHEAD_MAX) ahead.current.delete(ahead.current.keys().next().value as string);
    return message;
  };
  const prefetch = (id: string | undefined) => { if (account && id && id !== open?.id) void fetchAhead(id).catch(() => undefined); };
  const show = (id: string) => guard(async () => {
    setDraft(null);
    setShowScheduled(false);
    showing.current = id;
    mark("mp:open");
    const pending = fetchAhead(id);
    ahead.current.delete(id); // taken: opening it again asks again
    const summary = messages.find((m) => m.id === id);
    // the header and the body frame at once, from the row (not for drafts: they open in compose)
    if (summary && viewFolder !== role("drafts")) {
      setOpen(null);
      setOpening(summary);
    }
    let full: Message;
    try {
      full = await pending;
    } finally {
      if (showing.current === id) setOpening(null);
    }
    if (showing.current !== id) return; // another message was opened meanwhile
    if (full.draft && full.folder_id === role("drafts")) {
      setOpen(null);
      setDraft(fromDraft(full));
      return;
    }
    if (!full.seen) {
      full = { ...full, seen: true };
      setMessages((list) => list.map((m) => (m.id === id ? { ...m, seen: true } : m)));
      void guard(async () => { await updateMessages(account, [id], { seen: true }); await loadFolders(); });
    }
    setOpen(full);
    setThread((summary?.thread_count ?? 2) > 1 ? (await getThread(account, full.thread_id)).messages : []);
  });
  const openAt = (index: number) => {
    const item = messages[index];
    if (!item) return;
    setCurrent(index);
    void show(item.id);
  };
  /** The messages an action applies to: the selection, else the open or current one. */
  const targets = (): string[] => {
    if (selected.size) return [...selected];
    const one = open ?? messages[current];
    return one ? [one.id] : [];
  };
  const change = (c: Change, done: string) => guard(async () => {
    const ids = targets();
    if (!ids.length) return;
    ahead.current.clear();
    await updateMessages(account, ids, c);
    const hit = new Set(ids);
    if (c.folder_id && c.folder_id !== viewFolder) {
      if (open && hit.has(open.id)) setOpen(null);
      setMessages((list) => list.filter((m) => !hit.has(m.id)));
    } else {
      setOpen((m) => (m && hit.has(m.id) ? { ...m, ...c } : m));
      setMessages((list) => list.map((m) => (hit.has(m.id) ? { ...m, ...c } : m)));
    }
    setSelected(new Set());
    setNotice(t(done, { count: ids.length }));
    void loadFolders();
  });
  const junk = (spam: boolean) => guard(async () => {
    const ids = targets();
    ahead.current.clear();
    for (const id of ids) await report(account, id, spam);
    const hit = new Set(ids);
    if (open && hit.has(open.id)) setOpen(null);
    setMessages((list) => list.filter((m) => !hit.has(m.id) || (!spam && viewFolder !== role("junk"))));
    setSelected(new Set());
    setNotice(t(spam ? "reading.markedJunk" : "reading.markedNotJunk", { count: ids.length }));
    void loadFolders();
  });
  const sender = (list: SenderList, action: "junk" | "trash" = "junk") => guard(async () => {
    const address = open?.from?.address;
    if (!address) return;
    try {
      await addSender(account, list, address, action);
    } catch (e) {
      if (problemOf(e).code !== "already_exists") throw e;
    }
    if (list === "images") setImageSenders(await listSenders(account, "images"));
    setNotice(t(`reading.sender.${list}`, { sender: address }));
  });
  const archive = () => { const id = role("archive"); if (id) void change({ folder_id: id }, "reading.archivedN"); };
  const remove = () => { const id = role("trash"); if (id) void change({ folder_id: id }, "reading.deletedN"); };
  const flag = () => {
    const target = open ?? messages[current];
    if (target) void change({ flagged: !target.flagged }, target.flagged ? "mail.unflagged" : "mail.flaggedDone");
  };
  const toggleSeen = () => {
    const target = open ?? messages[current];
    if (target) void change({ seen: !target.seen }, target.seen ? "mail.markedUnread" : "mail.markedRead");
  };
  const respond = (all: boolean) => {
    if (!open) return;
    const from = open.reply_to?.[0]?.address ?? open.from?.address;
    const mine = ownAddress.toLowerCase();
    const others = all
      ? [...open.to, ...open.cc].map((a) => a.address).filter((a) => a.toLowerCase() !== mine && a !== from)
      : [];
    const subject = /^(re|回复)\s*[:：]/i.test(open.subject) ? open.subject : `Re: ${open.subject}`;
    const header = t("mail.wrote", { who: open.from?.name || open.from?.address || "" });
    setDraft({ to: from ? [from] : [], cc: others, subject, text: quoteReply(open.text ?? "", header), reply_to_message_id: open.id });
  };
  const forward = () => {
    if (!open) return;
    const subject = /^(fwd?|转发)\s*[:：]/i.test(open.subject) ? open.subject : `Fwd: ${open.subject}`;
    setDraft({ to: [], cc: [], subject, text: "", forward_message_id: open.id });
  };
  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  const composed = (outcome: ComposeOutcome) => {
    setDraft(null);
    if (outcome.kind === "undoable") {
      setUndo({ id: outcome.id, until: outcome.until });
      setNotice(t("compose.sending"));
    } else if (outcome.kind === "scheduled") {
      setNotice(t("compose.scheduledFor", { time: new Date(outcome.at).toLocaleString() }));
    }
    void loadFolders();
  };
  const undoSend = () => guard(async () => {
    if (!undo) return;
    const id = undo.id;
    setUndo(null);
    await cancelScheduled(account, id);
    setDraft(fromDraft(await getMessage(account, id)));
    setNotice(t("compose.undone"));
  });
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => { setUndo(null); setNotice(t("mail.sent")); }, Math.max(0, undo.until - Date.now()));
    return () => clearTimeout(timer);
  }, [undo, t]);

  // j/k: the message the cursor lands on, and the one after, asked for before Enter
  const moved = useRef(current);
  useEffect(() => {
    if (moved.current === current) return;
    moved.current = current;
    prefetch(messages[current]?.id);
    prefetch(messages[current + 1]?.id);
  });

  useMailKeys({
    next: () => setCurrent((i) => Math.min(i + 1, messages.length - 1)),
    previous: () => setCurrent((i) => Math.max(i - 1, 0)),
    open: () => openAt(current),
    select: () => { const m = messages[current]; if (m) toggle(m.id); },
    reply: () => respond(false), replyAll: () => respond(true), forward,
    archive, remove, flag, toggleSeen, junk: () => void junk(viewFolder !== role("junk")),
    move: () => mover.current?.focus(),
    search: () => search.current?.focus(),
    compose: () => setDraft({ to: [], cc: [], subject: "", text: "" }),
  }, !draft);

  const inJunk = !!open && open.folder_id === role("junk");
  const count = selected.size;
  return (
    <section className="mailbox" aria-labelledby="mail-title">
      <h1 id="mail-title" className="sr-only">{t("mail.title")}</h1>
      <div className="mail-bar">
        <button type="button" onClick={() => setDraft({ to: [], cc: [], subject: "", text: "" })}>{t("mail.compose")}</button>
        <button type="button" onClick={() => { setDraft(null); setOpen(null); setShowScheduled(true); }}>{t("compose.scheduledTitle")}</button>
        <form role="search" onSubmit={(e) => { e.preventDefault(); setQuery(search.current?.value.trim() ?? ""); setCurrent(0); }}>
          <label>
            <span className="sr-only">{t("mail.search")}</span>
            <input
              ref={search} type="search" placeholder={t("mail.searchHint")} aria-label={t("mail.search")}
              onChange={(e) => { const v = e.target.value.trim(); if (!v || [...v].length >= 2) { setQuery(v); setCurrent(0); } }}
            />
          </label>
          <button type="submit">{t("mail.search")}</button>
        </form>
        <p role="status" className="sr-only">{notice}</p>
      </div>
      <div className="mail-bulk" role="toolbar" aria-label={t("reading.bulkActions")} data-testid="bulk-actions">
        <span>{count ? t("reading.selectedCount", { count }) : t("reading.noneSelected")}</span>
        <button type="button" onClick={() => void change({ seen: true }, "mail.markedRead")}>{t("mail.markRead")}</button>
        <button type="button" onClick={() => void change({ seen: false }, "mail.markedUnread")}>{t("mail.markUnread")}</button>
        <button type="button" onClick={() => void change({ flagged: true }, "mail.flaggedDone")}>{t("mail.flag")}</button>
        <button type="button" onClick={archive}>{t("mail.archive")}</button>
        <button type="button" onClick={remove}>{t("mail.delete")}</button>
        <button type="button" onClick={() => void junk(viewFolder !== role("junk"))}>
          {viewFolder === role("junk") ? t("reading.notJunk") : t("reading.junk")}
        </button>
        <label>
          <span className="sr-only">{t("reading.moveTo")}</span>
          <select
            ref={mover} value="" aria-label={t("reading.moveTo")}
            onChange={(e) => { if (e.target.value) void change({ folder_id: e.target.value }, "reading.movedN"); }}
          >
            <option value="">{t("reading.moveTo")}</option>
            {folders.filter((f) => f.id !== viewFolder).map((f) => <option key={f.id} value={f.id}>{folderName(f, t)}</option>)}
          </select>
        </label>
      </div>
      <ProblemBanner problem={problem} />
      <div className="mail-panes">
        <FolderList folders={folders} selected={query ? undefined : viewFolder} onSelect={(id) => {
          setQuery(""); if (search.current) search.current.value = ""; setFolderId(id); setCurrent(0); setOpen(null);
        }} />
        <MessageList
          messages={messages} current={current} selected={selected} onToggle={toggle}
          onOpen={openAt} onMore={() => void more()} hasMore={!!cursor}
          onHover={(i) => prefetch(messages[i]?.id)}
        />
        <div className="mail-reading">
          {draft ? (
            <Suspense fallback={<p className="loading" role="status">{t("common.loading")}</p>}>
              <Compose key={draft.draftId ?? "new"} account={account} start={draft} onDone={composed} />
            </Suspense>
          ) : showScheduled ? (
            <Suspense fallback={<p className="loading" role="status">{t("common.loading")}</p>}>
              <ScheduledList account={account} onCancelled={() => { setNotice(t("compose.cancelled")); void loadFolders(); }} />
            </Suspense>
          ) : open || opening ? (
            <>
            <MessageView
              account={account} message={open ?? fromSummary(opening!)} partial={!open}
              inJunk={inJunk} ownDomain={ownAddress.split("@")[1] ?? ""}
              imageSenders={imageSenders} thread={thread}
              actions={{
                onReply: () => respond(false), onReplyAll: () => respond(true), onForward: forward,
                onArchive: archive, onDelete: remove, onToggleSeen: toggleSeen, onToggleFlag: flag,
                onJunk: (spam) => void junk(spam), onSender: (list, action) => void sender(list, action),
                onOpenInThread: (id) => void show(id),
              }}
            />
            </>
          ) : (
            <p className="mail-empty">{t("mail.nothingOpen")}</p>
          )}
          {notice && (
            <p className="notice" data-testid="mail-notice">
              {notice}{" "}
              {undo && <button type="button" onClick={() => void undoSend()}>{t("compose.undo")}</button>}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
