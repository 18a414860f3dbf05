import { describe, expect, it } from "vitest";
import { mergeHead } from "./listMerge";
import type { Summary } from "./mailApi";

const row = (id: string, minute: number, seen = true): Summary =>
  ({ id, subject: id, seen, received_at: `2026-01-01T00:${String(minute).padStart(2, "0")}:00+00:00` }) as Summary;

describe("mergeHead", () => {
  const loaded = [row("e", 50), row("d", 40), row("c", 30), row("b", 20), row("a", 10)];

  it("puts new mail on top and keeps the older rows loaded", () => {
    const merged = mergeHead(loaded, [row("f", 55), row("e", 50), row("d", 40)], false);
    expect(merged.map((m) => m.id)).toEqual(["f", "e", "d", "c", "b", "a"]);
  });

  it("takes changed flags and drops rows gone from the head's span", () => {
    const merged = mergeHead(loaded, [row("e", 50, false), row("c", 30)], false);
    expect(merged.map((m) => m.id)).toEqual(["e", "c", "b", "a"]);
    expect(merged[0]!.seen).toBe(false);
  });

  it("is the head when the head is the whole view", () => {
    expect(mergeHead(loaded, [row("e", 50)], true).map((m) => m.id)).toEqual(["e"]);
  });

  it("keeps older rows by time when the head's last row was not loaded", () => {
    const merged = mergeHead(loaded, [row("g", 58), row("x", 45)], false);
    expect(merged.map((m) => m.id)).toEqual(["g", "x", "d", "c", "b", "a"]);
  });
});
