import { describe, expect, it } from "vitest";
import { addDays, dayOf, instantAt, minuteOfDay, monthGrid, startOfWeek, step, weekday } from "./zone";

describe("civil days in a zone", () => {
  it("places an instant on the zone's own date", () => {
    const late = new Date("2027-03-08T17:30:00Z");
    expect(dayOf(late, "Asia/Shanghai")).toBe("2027-03-09");
    expect(dayOf(late, "America/New_York")).toBe("2027-03-08");
    expect(minuteOfDay(late, "Asia/Shanghai")).toBe(90);
  });

  it("finds the instant of a wall-clock time, across a daylight-saving change", () => {
    expect(instantAt("2027-03-09", 9 * 60, "Asia/Shanghai").toISOString()).toBe("2027-03-09T01:00:00.000Z");
    // New York moves to EDT on 14 March 2027: 09:00 is UTC-5 before, UTC-4 after.
    expect(instantAt("2027-03-13", 9 * 60, "America/New_York").toISOString()).toBe("2027-03-13T14:00:00.000Z");
    expect(instantAt("2027-03-15", 9 * 60, "America/New_York").toISOString()).toBe("2027-03-15T13:00:00.000Z");
  });

  it("walks weeks from Monday and months in six rows", () => {
    expect(weekday("2027-03-07")).toBe(7);
    expect(startOfWeek("2027-03-10")).toBe("2027-03-08");
    expect(addDays("2027-02-27", 2)).toBe("2027-03-01");
    const grid = monthGrid("2027-03-18");
    expect(grid).toHaveLength(42);
    expect(grid[0]).toBe("2027-03-01");
    expect(step("month", "2027-01-31", 1)).toBe("2027-02-01");
    expect(step("week", "2027-03-08", -1)).toBe("2027-03-01");
  });
});
