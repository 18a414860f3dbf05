/** The webmail's calls, all through the generated client of the public API. */
import { api, must, type Schemas } from "../api/client";
import { takeBoot } from "../api/boot";

export type Folder = Schemas["Folder"];
export type Summary = Schemas["MessageSummary"];
export type Message = Schemas["Message"];

export async function listFolders(account: string): Promise<Folder[]> {
  return must(await api.GET("/v1/accounts/{account}/mail/folders", { params: { path: { account } } })).data;
}

export type ListPage = { data: Summary[]; next_cursor?: string | null };

/** A page of a folder, of a search, or (neither given) of the inbox, found by its role so
 * that the first page needs not wait for the folder list. */
export async function listMessages(
  account: string, folderId: string | undefined, q: string, cursor?: string, limit = 50,
): Promise<ListPage> {
  const query: Record<string, string | number> = { limit };
  if (q) query.q = q;
  else if (folderId) query.folder_id = folderId;
  else query.q = "in:inbox";
  if (cursor) query.cursor = cursor;
  return must(await api.GET("/v1/accounts/{account}/mail/messages", { params: { path: { account }, query } }));
}

let early: {
  account: string; folders: Promise<Folder[]> | null; inbox: Promise<ListPage> | null; given: ListPage | null;
} | null = null;

/** Ask for the folders and the first page of the inbox as soon as the account is known
 * (the page loading at /mail), alongside /v1/me instead of after it. */
export function prefetchInbox(account: string): void {
  if (early) return;
  // the server put the first page in the page when it could (api/platform/web/boot.py)
  const given = { inbox: takeBoot("inbox") };
  const folders = listFolders(account);
  const inbox = given.inbox ? Promise.resolve(given.inbox) : listMessages(account, undefined, "");
  folders.catch(() => undefined);
  inbox.catch(() => undefined);
  early = { account, folders, inbox, given: given.inbox ?? null };
}

/** The folders `prefetchInbox` asked for, taken once (later loads ask again). */
export function earlyFolders(account: string): Promise<Folder[]> | null {
  const found = early?.account === account ? early.folders : null;
  if (early) early.folders = null;
  return found;
}

/** The inbox's first page as the page brought it, taken at once (the first render draws the
 * rows) and then not again. */
export function givenInbox(account: string): ListPage | null {
  const found = early?.account === account ? early.given : null;
  if (found && early) { early.given = null; early.inbox = null; }
  return found;
}

/** The inbox's first page `prefetchInbox` asked for, taken once. */
export function earlyInbox(account: string): Promise<ListPage> | null {
  const found = early?.account === account ? early.inbox : null;
  if (early) early.inbox = null;
  return found;
}

export async function getMessage(account: string, id: string): Promise<Message> {
  return must(await api.GET("/v1/accounts/{account}/mail/messages/{message_id}", {
    params: { path: { account, message_id: id } },
  }));
}

export async function updateMessages(
  account: string, ids: string[], change: { seen?: boolean; flagged?: boolean; folder_id?: string },
): Promise<void> {
  must(await api.POST("/v1/accounts/{account}/mail/messages/bulk-update", {
    params: { path: { account } }, body: { ids, ...change },
  }));
}

export interface Outgoing {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  reply_to_message_id?: string;
}

export async function send(account: string, mail: Outgoing): Promise<void> {
  must(await api.POST("/v1/accounts/{account}/mail/send", {
    params: { path: { account } },
    body: {
      to: mail.to, cc: mail.cc, subject: mail.subject, text: mail.text,
      ...(mail.reply_to_message_id ? { reply_to_message_id: mail.reply_to_message_id } : {}),
    } as Schemas["SendRequest"],
  }));
}

export type SenderList = "allow" | "block" | "images";
export type SenderEntry = Schemas["SenderEntry"];

export async function report(account: string, id: string, spam: boolean): Promise<Schemas["SpamFeedback"]> {
  const path = spam
    ? "/v1/accounts/{account}/mail/messages/{message_id}/report_spam"
    : "/v1/accounts/{account}/mail/messages/{message_id}/report_not_spam";
  return must(await api.POST(path, { params: { path: { account, message_id: id } } }));
}

export async function addSender(account: string, list: SenderList, value: string, action: "junk" | "trash" = "junk"): Promise<SenderEntry> {
  return must(await api.POST("/v1/accounts/{account}/mail/sender_lists/{list}", {
    params: { path: { account, list } }, body: { value, action },
  }));
}

export async function listSenders(account: string, list: SenderList): Promise<SenderEntry[]> {
  return must(await api.GET("/v1/accounts/{account}/mail/sender_lists/{list}", {
    params: { path: { account, list }, query: { limit: 500 } },
  })).data;
}

export async function getThread(account: string, threadId: string): Promise<Schemas["ThreadDetail"]> {
  return must(await api.GET("/v1/accounts/{account}/mail/threads/{thread_id}", {
    params: { path: { account, thread_id: threadId } },
  }));
}

/** The raw source of a message (message/rfc822), as text. */
export async function rawSource(account: string, id: string): Promise<string> {
  const response = await fetch(
    `/v1/accounts/${encodeURIComponent(account)}/mail/messages/${encodeURIComponent(id)}/raw`,
    { credentials: "same-origin" },
  );
  if (!response.ok) throw Object.assign(new Error(String(response.status)), { problem: { status: response.status } });
  return response.text();
}

export function attachmentUrl(account: string, messageId: string, attachmentId: string): string {
  return `/v1/accounts/${encodeURIComponent(account)}/mail/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

export function previewUrl(messageId: string, attachmentId: string): string {
  return `/web/mail/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}/preview`;
}

/** Does a sender list entry (an address, or a domain with its subdomains) cover `address`? */
export function listed(entries: SenderEntry[], address: string): boolean {
  const a = address.toLowerCase();
  const domain = a.split("@")[1] ?? "";
  return entries.some((e) => e.value === a || domain === e.value || domain.endsWith(`.${e.value}`));
}
