import { describe, expect, it, vi } from "vitest";

describe("the bootstrap in the page", () => {
  it("is read from its data block once, each part handed out once, the block removed", async () => {
    const remove = vi.fn();
    const text = JSON.stringify({ session: { signed_in: true, account_id: "acc_1" }, me: { address: "a@b.test" } });
    vi.stubGlobal("document", { getElementById: (id: string) => (id === "mp-boot" ? { textContent: text, remove } : null) });
    const { peekBoot, takeBoot } = await import("./boot");
    expect(peekBoot("session")?.account_id).toBe("acc_1");
    expect(takeBoot("session")?.signed_in).toBe(true);
    expect(takeBoot("session")).toBeUndefined();
    expect(takeBoot("me")?.address).toBe("a@b.test");
    expect(takeBoot("inbox")).toBeUndefined();
    expect(remove).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });

  it("is nothing when the block is missing or not JSON: the app asks as usual", async () => {
    vi.resetModules();
    vi.stubGlobal("document", { getElementById: () => ({ textContent: "{not json", remove: () => undefined }) });
    const { takeBoot } = await import("./boot");
    expect(takeBoot("session")).toBeUndefined();
    vi.unstubAllGlobals();
  });
});
