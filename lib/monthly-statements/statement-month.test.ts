import { describe, expect, it } from "vitest";
import {
  monthLabel,
  monthOf,
  monthPeriod,
  monthsBetween,
  previousMonth,
  statementMonthSchema,
} from "./statement-month";

describe("statement months", () => {
  it("accept real months only, as YYYY-MM", () => {
    for (const good of ["2026-01", "2026-12", "2999-06"])
      expect(statementMonthSchema.safeParse(good).success).toBe(true);
    for (const bad of ["2026-13", "2026-00", "2026-1", "1999-12", "26-11", "2026-11-01", " 2026-11", "", "3000-01"]) {
      expect(statementMonthSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("are UTC calendar months, the next month's 1st excluded, leap days included", () => {
    expect(monthPeriod("2028-02")).toEqual({
      from: new Date("2028-02-01T00:00:00Z"),
      to: new Date("2028-03-01T00:00:00Z"),
    });
    expect(monthPeriod("2026-12").to).toEqual(new Date("2027-01-01T00:00:00Z"));
    expect(monthOf(new Date("2026-11-30T23:59:59.999Z"))).toBe("2026-11");
    expect(monthOf(new Date("2026-12-01T00:00:00Z"))).toBe("2026-12");
  });

  it("on the 1st, the job's month is the one that just ended, across a year too", () => {
    expect(previousMonth(new Date("2026-12-01T06:00:00Z"))).toBe("2026-11");
    expect(previousMonth(new Date("2027-01-01T06:00:00Z"))).toBe("2026-12");
    expect(previousMonth(new Date("2026-03-31T23:00:00Z"))).toBe("2026-02");
  });

  it("read as words and list newest first for the download control", () => {
    expect(monthLabel("2026-11")).toBe("November 2026");
    expect(monthsBetween("2026-11", "2027-02")).toEqual(["2027-02", "2027-01", "2026-12", "2026-11"]);
    expect(monthsBetween("2026-11", "2026-11")).toEqual(["2026-11"]);
  });
});
