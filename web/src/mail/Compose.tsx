/** Compose, reply, reply-all and forward: recipients with suggestions, cc/bcc, plain or rich
 * text, attachments of any size through resumable upload sessions with progress, the
 * signature, a draft saved automatically, send with an undo window, or send later. */
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { ProblemBanner } from "../components/ProblemBanner";
import {
  UNDO_SECONDS, createDraft, getMailSettings, sendDraft, updateDraft, type DraftBody, type Draft,
} from "./composeApi";
import { addDraftAttachment } from "./draftAttachments";
import { RecipientField } from "./RecipientField";
import { RichEditor } from "./RichEditor";
import { sanitizeHtml, textToHtml } from "./sanitize";
import { uploadFile } from "./uploadSession";

export interface ComposeStart {
  to: string[];
  cc: string[];
  bcc?: string[];
  subject: string;
  text: string;
  html?: string;
  reply_to_message_id?: string;
  forward_message_id?: string;
  draftId?: string;
  attachments?: { filename: string; size: number }[];
}

export type ComposeOutcome =
  | { kind: "closed" }
  | { kind: "undoable"; id: string; until: number }
  | { kind: "scheduled"; id: string; at: string };

interface Attaching { key: string; name: string; size: number; held: number; resumed: boolean; state: "uploading" | "done" | "failed" }

const AUTOSAVE_MS = 1500;
const sizeText = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

export function Compose({ account, start, onDone }: {
  account: string; start: ComposeStart; onDone: (outcome: ComposeOutcome) => void;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState(start.to);
  const [cc, setCc] = useState(start.cc);
  const [bcc, setBcc] = useState(start.bcc ?? []);
  const [showCopies, setShowCopies] = useState(start.cc.length > 0 || (start.bcc ?? []).length > 0);
  const [subject, setSubject] = useState(start.subject);
  const [rich, setRich] = useState(!!start.html);
  const [text, setText] = useState(start.text);
  const [html, setHtml] = useState(start.html ?? "");
  const [files, setFiles] = useState<Attaching[]>([]);
  const [later, setLater] = useState("");
  const [saved, setSaved] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const draftId = useRef<string | undefined>(start.draftId);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const dirty = useRef(false);
  const first = useRef(true);

  useEffect(() => {
    if (start.draftId) return;
    getMailSettings(account).then((s) => {
      if (!s.signature) return;
      const block = `\n\n-- \n${s.signature}`;
      setText((v) => block + v);
      setHtml((v) => textToHtml(block) + v);
    }).catch(() => undefined);
  }, [account, start.draftId]);

  const body = useCallback((): DraftBody => ({
    to, cc, bcc, subject, attachments: [],
    ...(rich ? { html: sanitizeHtml(html) } : { text }),
    ...(start.reply_to_message_id ? { reply_to_message_id: start.reply_to_message_id } : {}),
    ...(start.forward_message_id ? { forward_message_id: start.forward_message_id } : {}),
  }), [to, cc, bcc, subject, rich, html, text, start.reply_to_message_id, start.forward_message_id]);

  /** Save now (after any save under way): create the draft once, then patch it. */
  const save = useCallback((): Promise<string> => {
    const content = body();
    const run = saving.current.catch(() => undefined).then(async () => {
      const draft: Draft = draftId.current
        ? await updateDraft(account, draftId.current, content)
        : await createDraft(account, content);
      draftId.current = draft.id;
      dirty.current = false;
      setSaved(t("compose.savedAt", { time: new Date().toLocaleTimeString() }));
      return draft.id;
    });
    saving.current = run;
    return run;
  }, [account, body, t]);

  useEffect(() => {
    if (first.current) { first.current = false; return; }
    dirty.current = true;
    const timer = setTimeout(() => { save().catch((e) => setProblem(problemOf(e))); }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [to, cc, bcc, subject, text, html, rich]); // eslint-disable-line react-hooks/exhaustive-deps

  const attach = async (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      const key = `${file.name}:${file.size}:${file.lastModified}:${Math.random()}`;
      setFiles((fs) => [...fs, { key, name: file.name, size: file.size, held: 0, resumed: false, state: "uploading" }]);
      const patch = (p: Partial<Attaching>) => setFiles((fs) => fs.map((f) => (f.key === key ? { ...f, ...p } : f)));
      try {
        const upload = await uploadFile(account, file, (held, resumed) => patch({ held, resumed }));
        const id = await save();
        saving.current = saving.current.then(() => addDraftAttachment(account, id, upload.id));
        await saving.current;
        patch({ held: file.size, state: "done" });
      } catch (e) {
        patch({ state: "failed" });
        setProblem(problemOf(e));
      }
    }
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (files.some((f) => f.state === "uploading")) { setProblem({ title: t("compose.waitUploads") }); return; }
    setBusy(true);
    try {
      const id = await save();
      if (later) {
        const at = new Date(later);
        const result = await sendDraft(account, id, at);
        onDone({ kind: "scheduled", id, at: result.send_at ?? at.toISOString() });
      } else {
        const until = Date.now() + UNDO_SECONDS * 1000;
        await sendDraft(account, id, new Date(until));
        onDone({ kind: "undoable", id, until });
      }
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  const close = async () => {
    if (dirty.current) await save().catch(() => undefined);
    onDone({ kind: "closed" });
  };
  const heading = start.forward_message_id ? t("compose.forward") : start.reply_to_message_id ? t("mail.reply") : t("mail.compose");

  return (
    <form
      className="mail-compose" aria-label={heading} onSubmit={(e) => void send(e)}
      // Ctrl+Enter (⌘+Enter) sends from anywhere in the form, as in Gmail and Outlook
      onKeyDown={(e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); e.currentTarget.requestSubmit(); } }}
    >
      <h2>{heading}</h2>
      <ProblemBanner problem={problem} />
      <RecipientField label={t("mail.to")} value={to} onChange={setTo} autoFocus={!to.length} />
      {showCopies ? (
        <>
          <RecipientField label={t("mail.cc")} value={cc} onChange={setCc} />
          <RecipientField label={t("compose.bcc")} value={bcc} onChange={setBcc} />
        </>
      ) : (
        <button type="button" className="link" onClick={() => setShowCopies(true)}>{t("compose.showCopies")}</button>
      )}
      <label>{t("mail.subject")}<input value={subject} onChange={(e) => setSubject(e.target.value)} /></label>
      <label className="inline">
        <input type="checkbox" checked={rich} onChange={(e) => {
          if (e.target.checked) setHtml(textToHtml(text));
          setRich(e.target.checked);
        }} />
        {t("compose.richText")}
      </label>
      <RichEditor rich={rich} text={text} html={html} onText={setText} onHtml={setHtml} autoFocus={to.length > 0} />
      {(start.attachments ?? []).length > 0 && (
        <ul className="attachments" aria-label={t("compose.attachments")}>
          {(start.attachments ?? []).map((a) => <li key={a.filename}>{a.filename} ({sizeText(a.size)})</li>)}
        </ul>
      )}
      {start.forward_message_id && <p className="hint">{t("compose.forwardNote")}</p>}
      <label className="attach">
        {t("compose.attach")}
        <input type="file" multiple onChange={(e) => { void attach(e.target.files); e.target.value = ""; }} />
      </label>
      {files.length > 0 && (
        <ul className="uploads" aria-label={t("compose.attachments")}>
          {files.map((f) => (
            <li key={f.key} data-state={f.state}>
              <span>{f.name} ({sizeText(f.size)})</span>
              <progress max={f.size || 1} value={f.held} aria-label={t("compose.uploading", { name: f.name })} />
              <span>
                {f.state === "done" ? t("compose.uploaded") : f.state === "failed" ? t("compose.uploadFailed")
                  : f.resumed ? t("compose.resumed") : `${Math.floor((100 * f.held) / (f.size || 1))}%`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <label className="later">
        {t("compose.sendLater")}
        <input type="datetime-local" value={later} onChange={(e) => setLater(e.target.value)} />
      </label>
      <div className="actions">
        <button type="submit" disabled={busy}>{later ? t("compose.schedule") : t("mail.send")}</button>
        <button type="button" onClick={() => void close()}>{t("compose.close")}</button>
        <span role="status" className="saved">{saved}</span>
      </div>
    </form>
  );
}
