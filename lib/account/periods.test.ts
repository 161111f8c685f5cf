import { describe, expect, it } from "vitest";
import { lastDays, lastHours, samePointLastMonth, startsIn } from "./periods";

describe("samePointLastMonth", () => {
  it("is as far into last month as now is into this one", () => {
    const { from, to } = samePointLastMonth(new Date("2026-11-29T17:30:00Z"));
    expect(from.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(to.toISOString()).toBe("2026-10-29T17:30:00.000Z");
  });

  it("stops at the end of a shorter last month", () => {
    const { from, to } = samePointLastMonth(new Date("2026-03-31T12:00:00Z"));
    expect(from.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(to.toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("crosses a year boundary", () => {
    expect(samePointLastMonth(new Date("2027-01-02T00:00:00Z")).from.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });
});

describe("lastHours", () => {
  it("ends with the hour holding now", () => {
    const starts = startsIn(lastHours(new Date("2026-11-29T17:30:00Z"), 24), 3_600_000);
    expect(starts).toHaveLength(24);
    expect(starts.at(-1)!.toISOString()).toBe("2026-11-29T17:00:00.000Z");
    expect(starts[0]!.toISOString()).toBe("2026-11-28T18:00:00.000Z");
  });
});

describe("lastDays", () => {
  it("is N whole UTC days ending with today, today included", () => {
    const period = lastDays(new Date("2026-11-29T17:30:00Z"), 30);
    expect(period.from.toISOString()).toBe("2026-10-31T00:00:00.000Z");
    expect(period.to.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(startsIn(period, 86_400_000)).toHaveLength(30);
  });

  it("is the same window at any moment of the day", () => {
    expect(lastDays(new Date("2026-11-29T00:00:00Z"), 7)).toEqual(lastDays(new Date("2026-11-29T23:59:59.999Z"), 7));
  });
});
