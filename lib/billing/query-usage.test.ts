import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { resolveUsageWindow } from "./query-usage";

const now = new Date("2026-03-10T15:42:10Z");
const iso = (window: { from: Date; to: Date }) => ({ from: window.from.toISOString(), to: window.to.toISOString() });

describe("resolveUsageWindow", () => {
  it("defaults to the 24 hours ending with the current hour", () => {
    expect(iso(resolveUsageWindow({ granularity: "hour" }, now))).toEqual({
      from: "2026-03-09T16:00:00.000Z",
      to: "2026-03-10T16:00:00.000Z",
    });
  });

  it("defaults a missing end to 24 hours after the start, and a missing start to 24 hours before the end", () => {
    expect(iso(resolveUsageWindow({ granularity: "hour", from: new Date("2026-01-01T00:00:00Z") }, now)).to).toBe(
      "2026-01-02T00:00:00.000Z",
    );
    expect(iso(resolveUsageWindow({ granularity: "hour", to: new Date("2026-01-02T00:00:00Z") }, now)).from).toBe(
      "2026-01-01T00:00:00.000Z",
    );
  });

  it("widens both ends to whole UTC hours or days", () => {
    const input = { from: new Date("2026-01-01T10:30:00Z"), to: new Date("2026-01-03T10:30:00Z") };
    expect(iso(resolveUsageWindow({ ...input, granularity: "hour" }, now))).toEqual({
      from: "2026-01-01T10:00:00.000Z",
      to: "2026-01-03T11:00:00.000Z",
    });
    expect(iso(resolveUsageWindow({ ...input, granularity: "day" }, now))).toEqual({
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-01-04T00:00:00.000Z",
    });
  });

  it("refuses an empty or reversed window and one longer than 400 days", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(() => resolveUsageWindow({ granularity: "hour", from: at, to: at }, now)).toThrow(AppError);
    expect(() =>
      resolveUsageWindow({ granularity: "day", from: at, to: new Date(at.getTime() + 401 * 86_400_000) }, now),
    ).toThrow(/400 days/);
    expect(() =>
      resolveUsageWindow({ granularity: "day", from: at, to: new Date(at.getTime() + 400 * 86_400_000) }, now),
    ).not.toThrow();
  });
});
