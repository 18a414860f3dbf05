/** What the rich-text editor may send: a small allow-list of elements and attributes, links
 * only to http(s) and mailto. Everything else is unwrapped (its text kept) or dropped. */
const KEEP = new Set(["P", "BR", "B", "STRONG", "I", "EM", "U", "S", "UL", "OL", "LI", "A", "BLOCKQUOTE", "DIV", "SPAN", "H1", "H2", "H3", "PRE", "CODE"]);
const DROP = new Set(["SCRIPT", "STYLE", "IFRAME", "OBJECT", "EMBED", "svg", "SVG", "MATH", "FORM", "INPUT", "TEXTAREA", "SELECT", "BUTTON", "LINK", "META", "TEMPLATE", "IMG", "VIDEO", "AUDIO", "NOSCRIPT"]);
const SAFE_URL = /^(https?:|mailto:)/i;

function clean(node: Node, doc: Document): Node[] {
  if (node.nodeType === Node.TEXT_NODE) return [doc.createTextNode(node.textContent ?? "")];
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const el = node as Element;
  const children = Array.from(el.childNodes).flatMap((c) => clean(c, doc));
  if (DROP.has(el.tagName)) return [];
  if (!KEEP.has(el.tagName)) return children;
  const out = doc.createElement(el.tagName.toLowerCase());
  if (el.tagName === "A") {
    const href = (el.getAttribute("href") ?? "").trim();
    if (SAFE_URL.test(href)) {
      out.setAttribute("href", href);
      out.setAttribute("rel", "noopener noreferrer");
    }
  }
  children.forEach((c) => out.appendChild(c));
  return [out];
}

export function sanitizeHtml(markup: string): string {
  const doc = new DOMParser().parseFromString(`<body>${markup}</body>`, "text/html");
  const box = doc.createElement("div");
  Array.from(doc.body.childNodes).flatMap((c) => clean(c, doc)).forEach((c) => box.appendChild(c));
  return box.innerHTML;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Plain text as paragraphs of the editor. */
export function textToHtml(text: string): string {
  return text.split("\n").map((line) => (line ? `<div>${escapeHtml(line)}</div>` : "<div><br></div>")).join("");
}
