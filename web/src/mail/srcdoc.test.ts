import { describe, expect, it } from "vitest";
import { FRAME_SANDBOX, frameUrl, hasRemoteImages, humanSize, quoteReply } from "./srcdoc";

describe("reading frame", () => {
  it("never lets the frame run scripts or share the app's origin", () => {
    expect(FRAME_SANDBOX).not.toContain("allow-scripts");
    expect(FRAME_SANDBOX).not.toContain("allow-same-origin");
  });
  it("asks for remote images only when allowed", () => {
    expect(frameUrl("msg_1", false)).toBe("/web/mail/messages/msg_1/body");
    expect(frameUrl("msg_1", true)).toBe("/web/mail/messages/msg_1/body?images=1");
  });
  it("finds remote images", () => {
    expect(hasRemoteImages('<img src="https://evil.test/x.png">')).toBe(true);
    expect(hasRemoteImages('<img src="cid:logo">')).toBe(false);
  });
  it("quotes a reply line by line", () => {
    expect(quoteReply("a\nb", "X wrote:")).toBe("\n\nX wrote:\n> a\n> b\n");
  });
  it("writes sizes people read", () => {
    expect(humanSize(512)).toBe("512 B");
    expect(humanSize(1536)).toBe("1.5 KB");
    expect(humanSize(50 * 1024 * 1024)).toBe("50 MB");
  });
});
