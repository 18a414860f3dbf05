/** Dates follow the given time zone; names sort in Chinese (pinyin) order. */
import { expect, it } from "vitest";
import { byName, formatDateTime } from "./format";

it("formats a UTC instant in the person's time zone", () => {
  const text = formatDateTime("2026-03-01T16:30:00Z", "Asia/Shanghai");
  expect(text).toContain("3月2日");
  expect(text).toContain("00:30");
});

it("sorts Chinese names by pinyin", () => {
  const names = byName(["张三", "李四", "王五", "阿明"], (x) => x);
  expect(names).toEqual(["阿明", "李四", "王五", "张三"]);
});
