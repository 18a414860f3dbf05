/** Attach a committed upload to a draft (the draft keeps its own reference to the bytes). */
import { api, must } from "../api/client";

export async function addDraftAttachment(account: string, draftId: string, uploadId: string): Promise<void> {
  must(await api.POST("/v1/accounts/{account}/mail/drafts/{draft_id}/attachments", {
    params: { path: { account, draft_id: draftId } }, body: { upload_id: uploadId },
  }));
}
