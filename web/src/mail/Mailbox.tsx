/** The webmail screen: folders, the message list, the open message, compose; keyboard
 * shortcuts (j/k, Enter/o, r, e, #, /, c); new mail through the event stream; the unread
 * count of the inbox in the tab title. */
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { useSession } from "../app/session";
import { ProblemBanner } from "../components/ProblemBanner";
import { useEventStream } from "../components/useEventStream";
import { Compose, type ComposeOutcome, type ComposeStart } from "./Compose";
import { cancelScheduled } from "./composeApi";
import { ScheduledList } from "./ScheduledList";
import { FolderList } from "./FolderList";
import { MessageList } from "./MessageList";
import { MessageView } from "./MessageView";
import { getMessage, listFolders, listMessages, updateMessages, type Folder, type Message, type Summary } from "./mailApi";
import { quoteReply } from "./srcdoc";
import { useMailKeys } from "./useMailKeys";

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
  const [folders, setFolders] = useState<Folder[]>([]);
  const [folderId, setFolderId] = useState<string>();
  const [query, setQuery] = useState("");
  const [messages, setMessages] = useState<Summary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [current, setCurrent] = useState(0);
  const [open, setOpen] = useState<Message | null>(null);
  const [draft, setDraft] = useState<ComposeStart | null>(null);
  const [showScheduled, setShowScheduled] = useState(false);
  const [undo, setUndo] = useState<{ id: string; until: number } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState("");
  const search = useRef<HTMLInputElement>(null);
  const role = (r: string) => folders.find((f) => f.role === r)?.id;

  const guard = useCallback(async (work: () => Promise<void>) => {
    try {
      await work();
      setProblem(null);
    } catch (e) {
      setProblem(problemOf(e));
    }
  }, []);
  const loadFolders = useCallback(() => guard(async () => {
    const list = await listFolders(account);
    setFolders(list);
    setFolderId((id) => id ?? list.find((f) => f.role === "inbox")?.id);
  }), [account, guard]);
  const loadList = useCallback(() => guard(async () => {
    if (!folderId && !query) return;
    const page = await listMessages(account, folderId, query);
    setMessages(page.data);
    setCursor(page.next_cursor ?? null);
  }), [account, folderId, query, guard]);

  useEffect(() => { if (account) void loadFolders(); }, [account, loadFolders]);
  useEffect(() => { if (account) void loadList(); }, [account, loadList]);
  useEventStream(["mail.message.received", "mail.message.updated", "mail.message.deleted"], () => { void loadFolders(); void loadList(); }, !!account);

  const inboxUnread = folders.find((f) => f.role === "inbox")?.unread_count ?? 0;
  useEffect(() => {
    document.title = inboxUnread ? t("mail.titleUnread", { count: inboxUnread }) : t("mail.title");
    return () => { document.title = "Mailplane"; };
  }, [inboxUnread, t]);

  const more = () => guard(async () => {
    if (!cursor) return;
    const page = await listMessages(account, folderId, query, cursor);
    setMessages((list) => [...list, ...page.data]);
    setCursor(page.next_cursor ?? null);
  });
  const openAt = (index: number) => guard(async () => {
    const item = messages[index];
    if (!item) return;
    setCurrent(index);
    setDraft(null);
    setShowScheduled(false);
    const full = await getMessage(account, item.id);
    if (full.draft && full.folder_id === role("drafts")) {
      setOpen(null);
      setDraft(fromDraft(full));
      return;
    }
    if (!full.seen) {
      await updateMessages(account, [item.id], { seen: true });
      full.seen = true;
      setMessages((list) => list.map((m) => (m.id === item.id ? { ...m, seen: true } : m)));
      void loadFolders();
    }
    setOpen(full);
  });
  const change = (c: { seen?: boolean; flagged?: boolean; folder_id?: string }, done: string) => guard(async () => {
    const target = open ?? messages[current];
    if (!target) return;
    await updateMessages(account, [target.id], c);
    if (c.folder_id) {
      setOpen(null);
      setMessages((list) => list.filter((m) => m.id !== target.id));
    } else {
      setOpen((m) => (m && m.id === target.id ? { ...m, ...c } : m));
      setMessages((list) => list.map((m) => (m.id === target.id ? { ...m, ...c } : m)));
    }
    setNotice(t(done));
    void loadFolders();
  });
  const archive = () => { const id = role("archive"); if (id) void change({ folder_id: id }, "mail.archived"); };
  const remove = () => { const id = role("trash"); if (id) void change({ folder_id: id }, "mail.deleted"); };
  const reply = (all = false) => {
    if (!open) return;
    const sender = open.reply_to?.[0]?.address ?? open.from?.address;
    const subject = /^(re|回复)\s*[:：]/i.test(open.subject) ? open.subject : `Re: ${open.subject}`;
    const header = t("mail.wrote", { who: open.from?.name || open.from?.address || "" });
    const mine = (me?.address ?? "").toLowerCase();
    const others = all
      ? [...(open.to ?? []), ...(open.cc ?? [])].map((r) => r.address).filter((a) => a.toLowerCase() !== mine && a !== sender)
      : [];
    setDraft({ to: sender ? [sender] : [], cc: [...new Set(others)], subject, text: quoteReply(open.text ?? "", header), reply_to_message_id: open.id });
  };
  const forward = () => {
    if (!open) return;
    const subject = /^(fwd?|转发)\s*[:：]/i.test(open.subject) ? open.subject : `Fwd: ${open.subject}`;
    setDraft({ to: [], cc: [], subject, text: "", forward_message_id: open.id });
  };
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

  useMailKeys({
    next: () => setCurrent((i) => Math.min(i + 1, messages.length - 1)),
    previous: () => setCurrent((i) => Math.max(i - 1, 0)),
    open: () => void openAt(current),
    reply: () => reply(), replyAll: () => reply(true), forward, archive, remove,
    search: () => search.current?.focus(),
    compose: () => setDraft({ to: [], cc: [], subject: "", text: "" }),
  }, !draft);

  return (
    <section className="mailbox" aria-labelledby="mail-title">
      <h1 id="mail-title" className="sr-only">{t("mail.title")}</h1>
      <div className="mail-bar">
        <button type="button" onClick={() => setDraft({ to: [], cc: [], subject: "", text: "" })}>{t("mail.compose")}</button>
        <button type="button" onClick={() => { setDraft(null); setOpen(null); setShowScheduled(true); }}>{t("compose.scheduledTitle")}</button>
        <form role="search" onSubmit={(e) => { e.preventDefault(); setQuery(search.current?.value.trim() ?? ""); setCurrent(0); }}>
          <label>
            <span className="sr-only">{t("mail.search")}</span>
            <input ref={search} type="search" placeholder={t("mail.searchHint")} aria-label={t("mail.search")} />
          </label>
          <button type="submit">{t("mail.search")}</button>
        </form>
        <p role="status" className="sr-only">{notice}</p>
      </div>
      <ProblemBanner problem={problem} />
      <div className="mail-panes">
        <FolderList folders={folders} selected={query ? undefined : folderId} onSelect={(id) => {
          setQuery(""); if (search.current) search.current.value = ""; setFolderId(id); setCurrent(0); setOpen(null);
        }} />
        <MessageList messages={messages} current={current} onOpen={(i) => void openAt(i)} onMore={() => void more()} hasMore={!!cursor} />
        <div className="mail-reading">
          {draft ? (
            <Compose key={draft.draftId ?? "new"} account={account} start={draft} onDone={composed} />
          ) : showScheduled ? (
            <ScheduledList account={account} onCancelled={() => { setNotice(t("compose.cancelled")); void loadFolders(); }} />
          ) : open ? (
            <>
            <div className="compose-actions">
              <button type="button" onClick={() => reply(true)}>{t("compose.replyAll")}</button>
              <button type="button" onClick={forward}>{t("compose.forward")}</button>
            </div>
            <MessageView
              message={open} onReply={() => reply()} onArchive={archive} onDelete={remove}
              onToggleSeen={() => void change({ seen: !open.seen }, open.seen ? "mail.markedUnread" : "mail.markedRead")}
              onToggleFlag={() => void change({ flagged: !open.flagged }, open.flagged ? "mail.unflagged" : "mail.flaggedDone")}
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
