/** Attachments of any size through upload sessions: the file goes up in chunks with
 * Content-Range; after a failed chunk (a dropped connection) it asks the server which
 * ranges arrived and sends only the rest, retrying with a growing pause. The session id is
 * remembered per file, so attaching the same file again after a reload resumes it. */
import { api, must, type Schemas } from "../api/client";

export type Upload = Schemas["Upload"];
export const CHUNK = 4 * 1024 * 1024;
const RETRIES = 8;

const key = (f: File) => `mailplane.upload:${f.name}:${f.size}:${f.lastModified}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The byte ranges [start, end) still missing, given the ranges held. */
export function missing(size: number, held: number[][]): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const [start, end] of [...held].sort((a, b) => a[0] - b[0])) {
    if (start > at) out.push([at, start]);
    at = Math.max(at, end);
  }
  if (at < size) out.push([at, size]);
  return out;
}

async function open(account: string, file: File): Promise<Upload> {
  const known = localStorage.getItem(key(file));
  if (known) {
    const found = await api.GET("/v1/uploads/{upload_id}", { params: { path: { upload_id: known } } });
    if (found.data && found.data.size === file.size) return found.data;
  }
  const made = must(await api.POST("/v1/accounts/{account}/mail/uploads", {
    params: { path: { account } },
    body: { filename: file.name, content_type: file.type || "application/octet-stream", size: file.size },
  }));
  localStorage.setItem(key(file), made.id);
  return made;
}

async function putChunk(id: string, file: File, start: number, end: number): Promise<Upload> {
  return must(await api.PUT("/v1/uploads/{upload_id}", {
    params: { path: { upload_id: id }, header: { "Content-Range": `bytes ${start}-${end - 1}/${file.size}` } },
    body: file.slice(start, end) as unknown as string,
    bodySerializer: (b: unknown) => b as Blob,
    headers: { "Content-Type": "application/octet-stream" },
  }));
}

/** Upload `file`, reporting bytes held; resolves with the committed upload. */
export async function uploadFile(
  account: string, file: File, onProgress: (held: number, resumed: boolean) => void,
): Promise<Upload> {
  let upload = await open(account, file);
  let resumed = upload.received_bytes > 0;
  onProgress(upload.received_bytes, resumed);
  let failures = 0;
  while (upload.state === "open") {
    const gaps = missing(file.size, upload.received);
    if (!gaps.length) break;
    const [start, gapEnd] = gaps[0];
    const end = Math.min(gapEnd, start + CHUNK);
    try {
      upload = await putChunk(upload.id, file, start, end);
      failures = 0;
    } catch (err) {
      if (++failures > RETRIES) throw err;
      await sleep(Math.min(500 * 2 ** failures, 8000));
      const status = await api.GET("/v1/uploads/{upload_id}", { params: { path: { upload_id: upload.id } } });
      if (status.data) upload = status.data;
      resumed = true;
    }
    onProgress(upload.received_bytes, resumed);
  }
  if (upload.state === "open") {
    upload = must(await api.POST("/v1/uploads/{upload_id}/commit", { params: { path: { upload_id: upload.id } } }));
  }
  localStorage.removeItem(key(file));
  return upload;
}
