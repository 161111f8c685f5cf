import { describe, expect, it } from "vitest";
import { DAY_MS, estimateRunway, isRunwayShort, runwayDays } from "./estimate-runway";

const now = new Date("2026-12-06T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

describe("runwayDays", () => {
  it("divides the balance by the daily rate, rounding down", () => {
    expect(runwayDays(10_000_000n, 3_000_000n)).toBe(3n);
  });
  it("has no runway without spending and none left without credit", () => {
    expect(runwayDays(10_000_000n, 0n)).toBeNull();
    expect(runwayDays(-1n, 5n)).toBe(0n);
  });
});

describe("estimateRunway", () => {
  it("takes the last 7 days' rate once the account is older than that", () => {
    const runway = estimateRunway({ balanceMicros: 20_000_000n, spentMicros: 14_000_000n, firstUsageAt: daysAgo(30), now });
    expect(runway).toEqual({ kind: "estimate", perDayMicros: 2_000_000n, days: 10n, windowDays: 7 });
  });
  it("takes the days since the first usage for a younger account, and needs one", () => {
    expect(estimateRunway({ balanceMicros: 9_000_000n, spentMicros: 6_000_000n, firstUsageAt: daysAgo(2), now })).toEqual({
      kind: "estimate",
      perDayMicros: 3_000_000n,
      days: 3n,
      windowDays: 2,
    });
    expect(estimateRunway({ balanceMicros: 1n, spentMicros: 1n, firstUsageAt: new Date(now.getTime() - 5 * 3_600_000), now })).toEqual({
      kind: "too_little_history",
      hoursOfHistory: 5,
    });
    expect(estimateRunway({ balanceMicros: 1n, spentMicros: 0n, firstUsageAt: null, now }).kind).toBe("too_little_history");
  });
  it("has none without recent spend", () => {
    expect(estimateRunway({ balanceMicros: 5n, spentMicros: 0n, firstUsageAt: daysAgo(20), now })).toEqual({ kind: "no_recent_usage" });
  });
});

describe("isRunwayShort", () => {
  const runway = estimateRunway({ balanceMicros: 14_000_000n, spentMicros: 14_000_000n, firstUsageAt: daysAgo(30), now });
  it("is short when the balance lasts at most the chosen days, exactly", () => {
    expect(isRunwayShort(runway, 14_000_000n, 7)).toBe(true);
    expect(isRunwayShort(runway, 14_000_001n, 7)).toBe(false);
    expect(isRunwayShort(runway, 14_000_000n, 6)).toBe(false);
  });
  it("is never short without an estimate or once the credit is gone (the standing emails say that)", () => {
    expect(isRunwayShort({ kind: "no_recent_usage" }, 1n, 90)).toBe(false);
    expect(isRunwayShort(runway, 0n, 7)).toBe(false);
  });
});
