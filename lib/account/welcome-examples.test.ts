import { describe, expect, it } from "vitest";
import type { PublicRateCard } from "@/lib/pricing/estimate";
import { describeHours, welcomeExamples } from "./welcome-examples";

// Rate card version 1, as migration 0002 seeds it.
const card: PublicRateCard = {
  version: 1,
  effectiveFrom: "2020-01-01T00:00:00.000Z",
  publishedAt: "2026-11-29T15:30:00.000Z",
  rates: [
    { resource: "cpu_ms", unitLabel: "CPU-hour", priceMicros: "40000", perUnits: "3600000" },
    { resource: "memory_bytes", unitLabel: "GiB-hour", priceMicros: "5000", perUnits: "1073741824" },
    { resource: "connections", unitLabel: "100 connection-hours", priceMicros: "10000", perUnits: "100" },
    { resource: "documents", unitLabel: "1,000 document-hours", priceMicros: "10000", perUnits: "1000" },
    { resource: "messages", unitLabel: "million messages", priceMicros: "250000", perUnits: "1000000" },
    { resource: "bandwidth_bytes", unitLabel: "GB", priceMicros: "50000", perUnits: "1000000000" },
    { resource: "storage_bytes", unitLabel: "GiB-month", priceMicros: "20000", perUnits: "783831531520" },
    { resource: "first_party_calls", unitLabel: "1,000 calls", priceMicros: "100000", perUnits: "1000" },
    { resource: "third_party_calls", unitLabel: "1,000 calls", priceMicros: "200000", perUnits: "1000" },
  ],
};

describe("welcomeExamples", () => {
  it("prices the team whiteboard exactly and counts the whole hours $5 runs it", () => {
    const [whiteboard] = welcomeExamples(card, 5_000_000n);
    // The pricing page's example, from a developer's words (lib/pricing/app-profile.ts): 3,911,025
    // micro-dollars a month on card v1, as lib/pricing/estimate.test.ts pins it.
    expect(whiteboard).toMatchObject({ name: "Team whiteboard", monthlyMicros: 3_911_025n });
    // 5,000,000 × 730 / 3,911,025 = 933.26…: 933 whole hours.
    expect(whiteboard!.hours).toBe(933n);
    expect(describeHours(whiteboard!.hours)).toBe("about 38 days");
  });

  it("gives every example app a figure, and none for a card that prices nothing", () => {
    expect(welcomeExamples(card, 5_000_000n)).toHaveLength(3);
    const free = { ...card, rates: card.rates.map((rate) => ({ ...rate, priceMicros: "0" })) };
    expect(welcomeExamples(free, 5_000_000n).every((example) => example.hours === 730n)).toBe(true);
  });
});

describe("describeHours", () => {
  it("says hours below two days and whole days from there", () => {
    expect(describeHours(0n)).toBe("less than an hour");
    expect(describeHours(1n)).toBe("about 1 hour");
    expect(describeHours(47n)).toBe("about 47 hours");
    expect(describeHours(48n)).toBe("about 2 days");
    expect(describeHours(71n)).toBe("about 2 days");
  });
});
