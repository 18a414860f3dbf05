import { describe, expect, it } from "vitest";
import { hasRemoteImages, mailCsp, mailSrcdoc, quoteReply } from "./srcdoc";

describe("mail srcdoc", () => {
  it("blocks remote images until asked", () => {
    expect(mailCsp(false)).toContain("default-src 'none'");
    expect(mailCsp(false)).toContain("img-src data: cid:;");
    expect(mailCsp(false)).not.toContain("https:");
    expect(mailCsp(true)).toContain("https:");
  });
  it("puts the CSP before the body", () => {
    const doc = mailSrcdoc("<p>hi</p>", false);
    expect(doc.indexOf("Content-Security-Policy")).toBeLessThan(doc.indexOf("<p>hi</p>"));
  });
  it("finds remote images", () => {
    expect(hasRemoteImages('<img src="https://evil.test/x.png">')).toBe(true);
    expect(hasRemoteImages('<img src="cid:logo">')).toBe(false);
  });
  it("quotes a reply line by line", () => {
    expect(quoteReply("a\nb", "X wrote:")).toBe("\n\nX wrote:\n> a\n> b\n");
  });
});
