import { describe, expect, it } from "vitest";
import { readInvitation } from "./itip";

describe("reading an invitation", () => {
  it("finds the method, the folded UID and the start date", () => {
    const ics = [
      "BEGIN:VCALENDAR", "METHOD:REQUEST", "BEGIN:VTIMEZONE", "TZID:Asia/Shanghai", "END:VTIMEZONE",
      "BEGIN:VEVENT", "UID:abc-123", " @example.com", "DTSTART;TZID=Asia/Shanghai:20270614T100000",
      "SUMMARY:季度评审", "END:VEVENT", "END:VCALENDAR",
    ].join("\r\n");
    expect(readInvitation(ics)).toEqual({ method: "REQUEST", uid: "abc-123@example.com", day: "2027-06-14" });
  });

  it("reads an all-day start and says nothing of a file without an event", () => {
    expect(readInvitation("BEGIN:VCALENDAR\nMETHOD:CANCEL\nBEGIN:VEVENT\nUID:x\nDTSTART;VALUE=DATE:20270101\nEND:VEVENT\nEND:VCALENDAR")?.day).toBe("2027-01-01");
    expect(readInvitation("BEGIN:VCALENDAR\nEND:VCALENDAR")).toBeNull();
  });
});
