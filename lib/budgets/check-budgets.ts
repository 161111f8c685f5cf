import "server-only";
import { sql } from "drizzle-orm";
import { integerArrayLiteral } from "@/lib/db/array-literal";
import type { Transaction } from "@/lib/db/client";
import { recordPlatformEvent } from "@/lib/platform-events/record-platform-event";
import { budgetMonthStart } from "./budget-month";
import { planBudgetChanges, type PauseReason } from "./plan-budget-changes";
import { readBudgetState } from "./read-budget-state";
import { recordBudgetAlerts } from "./record-budget-alerts";

/** A space that changed standing in this transaction, with the platform event that reports it. */
export type SpaceStandingChange = {
  accountId: string;
  spaceId: bigint;
  spaceName: string;
  state: "active" | "paused";
  reason: PauseReason | null;
  /** The budget that paused it (for a pause). */
  budgetId: bigint | null;
  eventId: string;
};

export type BudgetCheckOutcome = {
  paused: SpaceStandingChange[];
  resumed: SpaceStandingChange[];
  /** Alerts recorded (one per budget and check: the highest percent reached). */
  alerts: number;
  /** The emails enqueued, for sending right after the commit. */
  emailIds: bigint[];
};

async function spaceNames(tx: Transaction, ids: bigint[]): Promise<Map<bigint, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.execute<{ id: string; name: string }>(
    sql`select id::text, name from spaces where id = any(${integerArrayLiteral(ids)}::bigint[])`,
  );
  return new Map(rows.rows.map((row) => [BigInt(row.id), row.name]));
}

async function accountSpaces(tx: Transaction, accountIds: string[]): Promise<Map<string, bigint[]>> {
  const spaces = new Map<string, bigint[]>(accountIds.map((id) => [id, []]));
  if (accountIds.length === 0) return spaces;
  const rows = await tx.execute<{ account_id: string; id: string }>(
    sql`select account_id, id::text from spaces where account_id in (select jsonb_array_elements_text(${JSON.stringify(accountIds)}::jsonb)) order by id`,
  );
  for (const row of rows.rows) spaces.get(row.account_id)!.push(BigInt(row.id));
  return spaces;
}

export type CheckBudgetsOptions = {
  /** Check as if this budget were gone (removeBudget, before it deletes it). */
  withoutBudgetId?: bigint;
};

/**
 * Checks the budgets of the accounts against this UTC month's spend, in the caller's transaction, which
 * must hold the accounts' ledger locks (ingestion's lockAccounts, setBudget's lock): pauses the spaces
 * of a `pause` budget at or over 100% (every space for the account's budget), ends the pauses no budget
 * wants any more or of an earlier month, records a `space.standing_changed` platform event per space
 * whose standing changed, and records the 50/80/100% alerts due (each once per budget and month) with
 * their emails. Spend only grows under ingestion, so there only pauses and alerts happen; setBudget and
 * removeBudget use the same check, and their changes can resume.
 */
export async function checkBudgetsInTransaction(
  tx: Transaction,
  accountIds: string[],
  now: Date = new Date(),
  { withoutBudgetId }: CheckBudgetsOptions = {},
): Promise<BudgetCheckOutcome> {
  const none: BudgetCheckOutcome = { paused: [], resumed: [], alerts: 0, emailIds: [] };
  if (accountIds.length === 0) return none;
  const monthStart = budgetMonthStart(now);
  const read = await readBudgetState(tx, accountIds, now);
  const state = { ...read, budgets: read.budgets.filter((budget) => budget.id !== withoutBudgetId) };
  if (state.budgets.length === 0 && state.pauses.length === 0) return none;
  const pausingAccounts = state.budgets
    .filter((budget) => budget.spaceId === null && budget.action === "pause" && budget.spendMicros >= budget.amountMicros)
    .map((budget) => budget.accountId);
  const spacesByAccount = await accountSpaces(tx, pausingAccounts);
  const plan = planBudgetChanges(state.budgets, state.pauses, monthStart, (accountId) => spacesByAccount.get(accountId) ?? []);
  if (plan.pause.length + plan.resume.length + plan.retag.length + plan.alerts.length === 0) return none;

  const names = await spaceNames(tx, [...plan.pause, ...plan.resume].map((entry) => entry.spaceId));
  const resumed: SpaceStandingChange[] = [];
  if (plan.resume.length > 0) {
    await tx.execute(sql`delete from space_pauses where space_id = any(${integerArrayLiteral(plan.resume.map((pause) => pause.spaceId))}::bigint[])`);
  }
  // Events in space order per account: the account's row lock (taken by recordPlatformEvent) orders them.
  for (const pause of plan.resume) {
    const event = await recordPlatformEvent(tx, {
      accountId: pause.accountId,
      type: "space.standing_changed",
      data: { space: names.get(pause.spaceId), state: "active", previous_state: "paused", reason: null },
      now,
    });
    resumed.push({ accountId: pause.accountId, spaceId: pause.spaceId, spaceName: names.get(pause.spaceId) ?? "", state: "active", reason: null, budgetId: null, eventId: event.id });
  }
  for (const retag of plan.retag) {
    await tx.execute(sql`update space_pauses set reason = ${retag.reason}, budget_id = ${retag.budgetId} where space_id = ${retag.spaceId}`);
  }
  const paused: SpaceStandingChange[] = [];
  for (const pause of plan.pause) {
    await tx.execute(sql`
      insert into space_pauses (space_id, account_id, reason, budget_id, month, paused_at)
      values (${pause.spaceId}, ${pause.accountId}, ${pause.reason}, ${pause.budgetId}, ${monthStart.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)`);
    const event = await recordPlatformEvent(tx, {
      accountId: pause.accountId,
      type: "space.standing_changed",
      data: { space: names.get(pause.spaceId), state: "paused", previous_state: "active", reason: pause.reason },
      now,
    });
    paused.push({ ...pause, spaceName: names.get(pause.spaceId) ?? "", state: "paused", eventId: event.id });
  }
  const emailIds = await recordBudgetAlerts(tx, { alerts: plan.alerts, paused, budgets: state.budgets, now });
  return { paused, resumed, alerts: plan.alerts.length, emailIds };
}
