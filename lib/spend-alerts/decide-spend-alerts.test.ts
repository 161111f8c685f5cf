import { describe, expect, it } from "vitest";
import { decideSpendAlerts, isoWeek, type AlertFacts } from "./decide-spend-alerts";
import { DAY_MS } from "./estimate-runway";

const now = new Date("2026-12-09T15:00:00Z"); // a Wednesday
const today = Date.UTC(2026, 11, 9);
const $ = (dollars: number) => BigInt(dollars) * 1_000_000n;

function facts(overrides: Partial<AlertFacts>): AlertFacts {
  return {
    accountId: "acct",
    balanceMicros: $(100),
    runwayAlert: true,
    runwayDays: 7,
    anomalyAlert: true,
    firstUsageAt: new Date(today - 30 * DAY_MS),
    spentMicros: $(7),
    dayCosts: new Map(),
    lastRunway: null,
    ...overrides,
  };
}

/** `n` days of $1 before `day`, then `spike` on it. */
function days(day: number, n: number, spike: bigint): Map<number, bigint> {
  const costs = new Map<number, bigint>([[day, spike]]);
  for (let back = 1; back <= n; back += 1) costs.set(day - back * DAY_MS, $(1));
  return costs;
}

describe("isoWeek", () => {
  it("names the ISO week, whose year is its Thursday's", () => {
    expect(isoWeek(now)).toBe("2026-W50");
    expect(isoWeek(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2026-12-14T00:00:00Z"))).toBe("2026-W51");
  });
});

describe("the runway alert", () => {
  it("fires when the balance lasts at most the chosen days, keyed by the week", () => {
    expect(decideSpendAlerts(facts({ balanceMicros: $(7) }), now).alerts).toEqual([
      { kind: "runway", key: "runway:2026-W50", data: { balanceMicros: "7000000", perDayMicros: "1000000", days: 7, withinDays: 7, windowDays: 7 } },
    ]);
    expect(decideSpendAlerts(facts({ balanceMicros: $(8) }), now).alerts).toEqual([]);
    expect(decideSpendAlerts(facts({ balanceMicros: $(8), runwayDays: 8 }), now).alerts).toHaveLength(1);
  });
  it("is silent when switched off, while its episode is open, and for a week after the last one", () => {
    expect(decideSpendAlerts(facts({ balanceMicros: $(1), runwayAlert: false }), now).alerts).toEqual([]);
    const open = { id: 5n, createdAt: new Date(now.getTime() - 30 * DAY_MS), isRecovered: false };
    expect(decideSpendAlerts(facts({ balanceMicros: $(1), lastRunway: open }), now).alerts).toEqual([]);
    const recentlyRecovered = { id: 5n, createdAt: new Date(now.getTime() - 6 * DAY_MS), isRecovered: true };
    expect(decideSpendAlerts(facts({ balanceMicros: $(1), lastRunway: recentlyRecovered }), now).alerts).toEqual([]);
    const longAgo = { id: 5n, createdAt: new Date(now.getTime() - 7 * DAY_MS), isRecovered: true };
    expect(decideSpendAlerts(facts({ balanceMicros: $(1), lastRunway: longAgo }), now).alerts).toHaveLength(1);
  });
  it("ends the episode when the credit lasts again, not when it ran out", () => {
    const open = { id: 5n, createdAt: new Date(now.getTime() - DAY_MS), isRecovered: false };
    expect(decideSpendAlerts(facts({ balanceMicros: $(50), lastRunway: open }), now).recoveredRunwayId).toBe(5n);
    expect(decideSpendAlerts(facts({ balanceMicros: 0n, lastRunway: open }), now).recoveredRunwayId).toBeNull();
  });
});

describe("the anomaly alert", () => {
  it("needs 7 days of history after the first usage: 6 days and a spike are nothing", () => {
    const six = facts({ firstUsageAt: new Date(today - 6 * DAY_MS), dayCosts: days(today, 6, $(10)) });
    expect(decideSpendAlerts(six, now).alerts).toEqual([]);
    const seven = facts({ firstUsageAt: new Date(today - 7 * DAY_MS), dayCosts: days(today, 7, $(10)) });
    expect(decideSpendAlerts(seven, now).alerts).toEqual([
      { kind: "anomaly", key: "anomaly:2026-12-09", data: { day: "2026-12-09", costMicros: "10000000", medianMicros: "1000000", isToday: true } },
    ]);
  });
  it("looks at yesterday too, and counts idle days inside the history as zero", () => {
    const costs = days(today - DAY_MS, 7, $(6));
    costs.delete(today - 3 * DAY_MS);
    costs.delete(today - 4 * DAY_MS);
    costs.delete(today - 5 * DAY_MS);
    const alerts = decideSpendAlerts(facts({ dayCosts: costs }), now).alerts;
    expect(alerts).toEqual([
      { kind: "anomaly", key: "anomaly:2026-12-08", data: { day: "2026-12-08", costMicros: "6000000", medianMicros: "1000000", isToday: false } },
    ]);
    // Four idle days of seven: the median is $0, floored at $0.20, and $6 is well past 5× that.
    costs.delete(today - 2 * DAY_MS);
    expect(decideSpendAlerts(facts({ dayCosts: costs }), now).alerts[0]?.data).toMatchObject({ medianMicros: "0" });
  });
  it("is silent when switched off", () => {
    expect(decideSpendAlerts(facts({ anomalyAlert: false, dayCosts: days(today, 7, $(10)) }), now).alerts).toEqual([]);
  });
});
