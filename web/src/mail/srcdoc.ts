/** How a message's body reaches the reading frame: never as markup in the app's document.
 * The frame loads `/web/mail/messages/{id}/body` from the server, which answers the sanitised
 * HTML under a CSP of its own (no script, no fetch but the message's own inline parts, remote
 * images only with `images=1` or for a sender the person trusts); the iframe is sandboxed
 * without allow-scripts and allow-same-origin. */

export const FRAME_SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

export function frameUrl(messageId: string, showImages: boolean): string {
  const base = `/web/mail/messages/${encodeURIComponent(messageId)}/body`;
  return showImages ? `${base}?images=1` : base;
}

/** Whether the HTML refers to an image outside the message (to offer "show images"). */
export function hasRemoteImages(html: string): boolean {
  return /<img[^>]+src\s*=\s*["']?\s*(https?:)?\/\//i.test(html) || /url\(\s*["']?\s*(https?:)?\/\//i.test(html);
}

/** The quoted body of a reply, plain text. */
export function quoteReply(text: string, header: string): string {
  const quoted = text.split(/\r?\n/).map((line) => `> ${line}`).join("\n");
  return `\n\n${header}\n${quoted}\n`;
}

/** A size people read: 512 B, 1.5 KB, 2.3 MB. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
