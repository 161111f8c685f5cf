// Dates in the account area follow the person's time zone; day buckets stay UTC days (usage is rolled
// up by UTC day) and say so.
import { describe, expect, it } from "vitest";
import { bucketHeading, formatBucket, formatDate, formatDateTime, formatLongDate, shortBucket } from "@/components/account/formats";

const at = new Date("2026-11-30T20:30:00Z");

describe("dates in the person's time zone", () => {
  it("writes an hour in the chosen zone, which may be the next day", () => {
    expect(formatBucket(at, "hour", "Asia/Tokyo")).toBe("2026-12-01 05:30");
    expect(shortBucket(at, "hour", "Asia/Tokyo")).toBe("05:30");
    expect(formatBucket(at, "hour", "America/New_York")).toBe("2026-11-30 15:30");
    expect(formatBucket(at, "hour")).toBe("2026-11-30 20:30");
  });

  it("writes dates in the zone, and day buckets as UTC days", () => {
    expect(formatDate(at, "Asia/Tokyo")).toBe("Dec 1, 2026");
    expect(formatLongDate(at, "Asia/Tokyo")).toBe("December 1, 2026");
    expect(formatDate(at, "UTC")).toBe("Nov 30, 2026");
    expect(formatBucket(at, "day", "Asia/Tokyo")).toBe("2026-11-30");
    expect(bucketHeading("day", "Asia/Tokyo")).toBe("Day (UTC)");
    expect(bucketHeading("hour", "Asia/Tokyo")).toBe("Hour (GMT+9)");
  });

  it("names the zone after a time", () => {
    expect(formatDateTime(at)).toBe("2026-11-30 20:30 UTC");
    expect(formatDateTime(at, "Asia/Tokyo")).toBe("2026-12-01 05:30 GMT+9");
  });
});
