// The calculator's words → metered quantities, exactly (issue 17, the pricing calculator).
import { describe, expect, it } from "vitest";
import { perMonth, profileToUsage, PROFILE_FIELDS, type AppProfile } from "./app-profile";
import { EXAMPLE_APPS } from "./example-apps";
import { inputsToProfile, profileToInputs } from "./usage-fields";

const ZERO: AppProfile = {
  peakUsers: 0n,
  usersPerDocument: 0n,
  memoryPerDocumentMib: 0n,
  dailyUsers: 0n,
  messagesPerUserPerDay: 0n,
  messageBytes: 0n,
  cpuMsPerThousandMessages: 0n,
  storedGib: 0n,
  platformCallsPerUserPerDay: 0n,
  outboundCallsPerDay: 0n,
};

describe("profileToUsage", () => {
  it("turns the team whiteboard into its metered month", () => {
    expect(profileToUsage(EXAMPLE_APPS[0]!.profile)).toEqual({
      connections: 12n, // one per peak user
      documents: 3n, // 12 people, 4 to a board
      memoryMib: 192n, // 3 boards × 64 MiB
      messages: 2_555_000n, // 12 users × 7,000 a day × 365/12 days
      bandwidthGb: 1n, // 2,555,000 × 200 bytes = 0.511 GB, rounded up
      cpuHours: 4n, // 2,555,000 × 5 ms = 3.55 CPU-hours, rounded up
      storageGib: 1n,
      firstPartyCalls: 14_600n, // 12 × 40 × 365/12
      thirdPartyCalls: 0n,
    });
  });

  it("rounds counts up, never down, when the month's days split a day", () => {
    expect(profileToUsage(EXAMPLE_APPS[1]!.profile)).toEqual({
      connections: 80n,
      documents: 40n,
      memoryMib: 160n,
      messages: 9_733_334n, // 320,000 × 365 / 12 = 9,733,333.33…
      bandwidthGb: 3n, // 2.92 GB
      cpuHours: 28n, // 27.04 CPU-hours
      storageGib: 5n,
      firstPartyCalls: 121_667n, // 4,000 × 365 / 12 = 121,666.67
      thirdPartyCalls: 4_563n, // 150 × 365 / 12 = 4,562.5
    });
    expect(perMonth(1n)).toBe(31n);
    expect(perMonth(12n)).toBe(365n);
  });

  it("shares documents among their people, rounding up; none shared means no live documents", () => {
    const base = { ...ZERO, peakUsers: 10n, memoryPerDocumentMib: 8n };
    expect(profileToUsage({ ...base, usersPerDocument: 3n })).toMatchObject({ documents: 4n, memoryMib: 32n });
    expect(profileToUsage({ ...base, usersPerDocument: 1n })).toMatchObject({ documents: 10n, memoryMib: 80n });
    expect(profileToUsage({ ...base, usersPerDocument: 0n })).toMatchObject({
      connections: 10n,
      documents: 0n,
      memoryMib: 0n,
    });
  });

  it("is exact at the inputs' largest values (twelve digits each)", () => {
    const max = 999_999_999_999n;
    const profile = Object.fromEntries(Object.keys(ZERO).map((field) => [field, max])) as AppProfile;
    const usage = profileToUsage(profile);
    expect(usage.messages).toBe((max * max * 365n + 11n) / 12n);
    expect(usage.cpuHours).toBe((usage.messages * max + 3_600_000_000n - 1n) / 3_600_000_000n);
    expect(usage.documents).toBe(1n);
  });

  it("nothing in, nothing metered", () => {
    expect(Object.values(profileToUsage(ZERO)).every((value) => value === 0n)).toBe(true);
  });
});

describe("the calculator's inputs", () => {
  it("has one input per profile field, each saying which metered quantity it becomes", () => {
    expect(PROFILE_FIELDS.map(({ field }) => field).sort()).toEqual(Object.keys(ZERO).sort());
    const { profile, usage } = EXAMPLE_APPS[0]!;
    const metric = (field: string) => PROFILE_FIELDS.find((copy) => copy.field === field)!.metric(usage, profile);
    expect(metric("peakUsers")).toBe("12 connections, every hour");
    expect(metric("messagesPerUserPerDay")).toBe("2,555,000 messages a month");
    expect(metric("dailyUsers")).toBe("365 user-days a month");
  });

  it("round-trips a profile through its input texts, and refuses a text that is not a whole number", () => {
    for (const app of EXAMPLE_APPS) expect(inputsToProfile(profileToInputs(app.profile))).toEqual(app.profile);
    expect(inputsToProfile({ ...profileToInputs(ZERO), peakUsers: "12.5" })).toBeUndefined();
    expect(inputsToProfile({ ...profileToInputs(ZERO), peakUsers: "1,200" })).toEqual({ ...ZERO, peakUsers: 1_200n });
  });
});
