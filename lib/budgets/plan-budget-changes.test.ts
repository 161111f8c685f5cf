import { describe, expect, it } from "vitest";
import { hasReached, planBudgetChanges } from "./plan-budget-changes";
import type { BudgetState, StoredPause } from "./read-budget-state";

const month = new Date("2026-12-01T00:00:00Z");
const lastMonth = new Date("2026-11-01T00:00:00Z");

function budget(over: Partial<BudgetState>): BudgetState {
  return { id: 1n, accountId: "a", spaceId: 10n, spaceName: "chat", amountMicros: 1_000n, action: "pause", spendMicros: 0n, firedPercents: [], ...over };
}
const pause = (over: Partial<StoredPause>): StoredPause => ({ spaceId: 10n, accountId: "a", reason: "budget", budgetId: 1n, month, ...over });
const spaces = () => [10n, 11n];

describe("planBudgetChanges", () => {
  it("reaches a percent at exactly that share of the budget", () => {
    expect(hasReached(499n, 1_000n, 50)).toBe(false);
    expect(hasReached(500n, 1_000n, 50)).toBe(true);
    expect(hasReached(1_000n, 1_000n, 100)).toBe(true);
  });

  it("pauses at 100% of a pause budget and alerts each percent not yet alerted, once", () => {
    const plan = planBudgetChanges([budget({ spendMicros: 1_000n, firedPercents: [50] })], [], month, spaces);
    expect(plan.pause).toEqual([{ spaceId: 10n, accountId: "a", reason: "budget", budgetId: 1n }]);
    expect(plan.alerts.map((alert) => alert.percents)).toEqual([[80, 100]]);
    expect(planBudgetChanges([budget({ spendMicros: 999n, firedPercents: [50, 80] })], [], month, spaces)).toEqual({
      pause: [],
      resume: [],
      retag: [],
      alerts: [],
    });
  });

  it("never pauses for an alert budget, and resumes what no budget wants any more", () => {
    const plan = planBudgetChanges([budget({ action: "alert", spendMicros: 5_000n, firedPercents: [50, 80, 100] })], [pause({})], month, spaces);
    expect(plan.pause).toEqual([]);
    expect(plan.resume).toEqual([pause({})]);
  });

  it("ends last month's pauses and pauses again when this month's spend is over", () => {
    const old = pause({ month: lastMonth });
    expect(planBudgetChanges([budget({ spendMicros: 0n })], [old], month, spaces).resume).toEqual([old]);
    const again = planBudgetChanges([budget({ spendMicros: 1_000n, firedPercents: [50, 80, 100] })], [old], month, spaces);
    expect(again.resume).toEqual([old]);
    expect(again.pause.map((entry) => entry.spaceId)).toEqual([10n]);
  });

  it("an account budget pauses every space; a space's own budget names the reason", () => {
    const account = budget({ id: 2n, spaceId: null, spaceName: null, spendMicros: 2_000n, firedPercents: [50, 80, 100] });
    const own = budget({ spendMicros: 1_000n, firedPercents: [50, 80, 100] });
    const plan = planBudgetChanges([own, account], [], month, spaces);
    expect(plan.pause).toEqual([
      { spaceId: 10n, accountId: "a", reason: "budget", budgetId: 1n },
      { spaceId: 11n, accountId: "a", reason: "account_budget", budgetId: 2n },
    ]);
    // Paused by its own budget, then that budget raised: still paused for the account, no resume.
    const raised = planBudgetChanges([{ ...own, amountMicros: 5_000n }, account], [pause({}), pause({ spaceId: 11n, reason: "account_budget", budgetId: 2n })], month, spaces);
    expect(raised.resume).toEqual([]);
    expect(raised.retag).toEqual([{ spaceId: 10n, accountId: "a", reason: "account_budget", budgetId: 2n }]);
  });
});
