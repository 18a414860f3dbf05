/** Compose's calls: drafts, sending (now, later, or with an undo window), scheduled sends,
 * recipient suggestions and mail settings — all through the generated client. */
import { api, must, type Schemas } from "../api/client";

export type Draft = Schemas["Message"];
export type SendResult = Schemas["SendResult"];
export type Suggestion = Schemas["Suggestion"];
export type MailSettings = Schemas["MailSettings"];
export type Scheduled = Schemas["MessageSummary"];

export interface DraftBody {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text?: string;
  html?: string;
  attachments: { upload_id: string }[];
  reply_to_message_id?: string;
  forward_message_id?: string;
}

/** An undo window: a send this many seconds ahead waits in Outbox and can be cancelled. */
export const UNDO_SECONDS = 10;

export async function createDraft(account: string, body: DraftBody): Promise<Draft> {
  return must(await api.POST("/v1/accounts/{account}/mail/drafts", {
    params: { path: { account } }, body: body as Schemas["SendRequest"],
  }));
}

export async function updateDraft(account: string, id: string, body: DraftBody): Promise<Draft> {
  // attachments are added one by one (POST …/attachments): a list here would replace them
  const { reply_to_message_id: _r, forward_message_id: _f, attachments: _a, ...patch } = body;
  return must(await api.PATCH("/v1/accounts/{account}/mail/drafts/{draft_id}", {
    params: { path: { account, draft_id: id } }, body: patch as Schemas["DraftUpdate"],
  }));
}

export async function sendDraft(account: string, id: string, sendAt?: Date): Promise<SendResult> {
  return must(await api.POST("/v1/accounts/{account}/mail/drafts/{draft_id}/send", {
    params: { path: { account, draft_id: id } },
    body: sendAt ? { send_at: sendAt.toISOString() } : {},
  }));
}

export async function listScheduled(account: string): Promise<Scheduled[]> {
  return must(await api.GET("/v1/accounts/{account}/mail/scheduled", {
    params: { path: { account }, query: { limit: 100 } },
  })).data;
}

export async function cancelScheduled(account: string, id: string): Promise<Scheduled> {
  return must(await api.POST("/v1/accounts/{account}/mail/scheduled/{message_id}/cancel", {
    params: { path: { account, message_id: id } },
  }));
}

export async function suggest(q: string): Promise<Suggestion[]> {
  return must(await api.GET("/v1/contacts/autocomplete", {
    params: { query: { q, account: "me", limit: 8 } },
  })).data;
}

export async function getMailSettings(account: string): Promise<MailSettings> {
  return must(await api.GET("/v1/accounts/{account}/mail/settings", { params: { path: { account } } }));
}

export async function getDraft(account: string, id: string): Promise<Draft> {
  return must(await api.GET("/v1/accounts/{account}/mail/messages/{message_id}", {
    params: { path: { account, message_id: id } },
  }));
}
