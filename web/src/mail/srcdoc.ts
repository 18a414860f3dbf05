/** The document a message's HTML is shown in: the server's sanitised HTML inside a sandboxed
 * frame (no scripts, no same origin) under a CSP that blocks every fetch; remote images are
 * allowed only when the person asks for them, for that message only. */

export function mailCsp(showImages: boolean): string {
  const img = showImages ? "data: cid: https: http:" : "data: cid:";
  return `default-src 'none'; img-src ${img}; style-src 'unsafe-inline'; form-action 'none'`;
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

export function mailSrcdoc(html: string, showImages: boolean): string {
  const csp = escapeAttr(mailCsp(showImages));
  return (
    `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    `<meta name="referrer" content="no-referrer"><base target="_blank">` +
    `</head><body>${html}</body></html>`
  );
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
