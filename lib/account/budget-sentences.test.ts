import { describe, expect, it } from "vitest";
import { describeBudgetLimit, describePause, nextMonthLabel, startOfNextMonth } from "./budget-sentences";

const december = new Date("2026-12-06T20:30:00Z");

describe("budget sentences", () => {
  it("names the day the month ends, in UTC, across a year's end and at a month's last instant", () => {
    expect(nextMonthLabel(december)).toBe("1 January");
    expect(startOfNextMonth(december).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    // 23:59 UTC on 31 January is still January, whatever the server's zone.
    expect(nextMonthLabel(new Date("2027-01-31T23:59:59Z"))).toBe("1 February");
    expect(nextMonthLabel(new Date("2027-02-01T00:00:00Z"))).toBe("1 March");
  });

  it("says what a space's pause budget does: read-only until raised or the month ends, nothing deleted", () => {
    expect(
      describeBudgetLimit({
        scope: { kind: "space", name: "chat" },
        amountMicros: 2_000_000n,
        action: "pause",
        now: december,
      }),
    ).toBe(
      "At $2.00 this month, space chat pauses: it becomes read-only until you raise the budget or the month ends on 1 January at 00:00 UTC. Nothing is deleted.",
    );
  });

  it("says an alert budget stops nothing", () => {
    expect(
      describeBudgetLimit({
        scope: { kind: "space", name: "chat" },
        amountMicros: 2_000_000n,
        action: "alert",
        now: december,
      }),
    ).toBe("At $2.00 this month on space chat, you get an email and a notice; nothing stops.");
    expect(
      describeBudgetLimit({ scope: { kind: "account" }, amountMicros: 1_234_500_000n, action: "alert", now: december }),
    ).toBe("At $1,234.50 this month across all your spaces, you get an email and a notice; nothing stops.");
  });

  it("says the account's pause budget pauses every space", () => {
    expect(
      describeBudgetLimit({ scope: { kind: "account" }, amountMicros: 50_000_000n, action: "pause", now: december }),
    ).toBe(
      "At $50.00 this month across all your spaces, every space pauses: each becomes read-only until you raise the budget or the month ends on 1 January at 00:00 UTC. Nothing is deleted.",
    );
  });

  it("gives each pause its reason and amount", () => {
    expect(describePause({ reason: "budget", budgetMicros: 2_000_000n })).toBe("Paused — over its $2.00 budget");
    expect(describePause({ reason: "account_budget", budgetMicros: 10_000_000n })).toBe(
      "Paused — the account is over its $10.00 budget",
    );
    expect(describePause({ reason: "account_frozen", budgetMicros: null })).toBe("Paused — the account is frozen");
  });
});
