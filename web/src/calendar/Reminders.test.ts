import { describe, expect, it } from "vitest";
import { dueReminders } from "./Reminders";
import type { CalEvent } from "./calApi";

const event = (over: Partial<CalEvent>): CalEvent => ({
  id: "cev_1", start_at: "2027-06-14T02:00:00Z", end_at: "2027-06-14T03:00:00Z", reminders: [{ method: "display", minutes_before: 15 }],
  response: "accepted", title: "评审", ...over,
} as CalEvent);

describe("reminders", () => {
  const at = (iso: string) => new Date(iso).getTime();
  it("are due from the alarm time until the event ends", () => {
    expect(dueReminders([event({})], at("2027-06-14T01:44:59Z"), new Set())).toHaveLength(0);
    expect(dueReminders([event({})], at("2027-06-14T01:45:00Z"), new Set())).toHaveLength(1);
    expect(dueReminders([event({})], at("2027-06-14T03:00:00Z"), new Set())).toHaveLength(0);
  });
  it("stay away once dismissed, when declined, or without an alarm", () => {
    const now = at("2027-06-14T01:50:00Z");
    expect(dueReminders([event({})], now, new Set(["cev_1@2027-06-14T02:00:00Z"]))).toHaveLength(0);
    expect(dueReminders([event({ response: "declined" })], now, new Set())).toHaveLength(0);
    expect(dueReminders([event({ reminders: [] })], now, new Set())).toHaveLength(0);
  });
});
