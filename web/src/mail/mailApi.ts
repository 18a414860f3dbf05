/** The webmail's calls, all through the generated client of the public API. */
import { api, must, type Schemas } from "../api/client";

export type Folder = Schemas["Folder"];
export type Summary = Schemas["MessageSummary"];
export type Message = Schemas["Message"];

export async function listFolders(account: string): Promise<Folder[]> {
  return must(await api.GET("/v1/accounts/{account}/mail/folders", { params: { path: { account } } })).data;
}

export async function listMessages(
  account: string, folderId: string | undefined, q: string, cursor?: string,
): Promise<{ data: Summary[]; next_cursor?: string | null }> {
  const query: Record<string, string | number> = { limit: 50 };
  if (q) query.q = q;
  else if (folderId) query.folder_id = folderId;
  if (cursor) query.cursor = cursor;
  return must(await api.GET("/v1/accounts/{account}/mail/messages", { params: { path: { account }, query } }));
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
