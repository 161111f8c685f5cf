import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { listRecipients } from "@/lib/billing-contacts/list-recipients";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { budgetMonthKey, budgetMonthStart } from "./budget-month";
import type { DueAlert } from "./plan-budget-changes";
import type { BudgetState } from "./read-budget-state";

type PausedSpace = { accountId: string; budgetId: bigint | null; eventId: string };

export type BudgetAlertsInput = {
  alerts: DueAlert[];
  /** The spaces this check paused: their budget's email says so, and is sent whatever the settings. */
  paused: PausedSpace[];
  budgets: BudgetState[];
  now: Date;
};

/** The spend_alerts key (and the email's) of a budget's alert: once per budget, month and percent. */
export function budgetAlertKey(budgetId: bigint, now: Date, percent: number): string {
  return `budget:${budgetId}:${budgetMonthKey(now)}:${percent}`;
}

async function wantsBudgetAlerts(tx: Transaction, accountIds: string[]): Promise<Map<string, boolean>> {
  if (accountIds.length === 0) return new Map();
  const rows = await tx.execute<{ account_id: string; budget_alerts: boolean }>(sql`
    select account_id, budget_alerts from alert_preferences
    where account_id in (select jsonb_array_elements_text(${JSON.stringify(accountIds)}::jsonb))`);
  return new Map(rows.rows.map((row) => [row.account_id, row.budget_alerts]));
}

/**
 * Records the alerts due and the pause emails, in the posting transaction. Each percent reached is
 * marked in budget_alerts (its primary key makes it once per budget and month, whatever races); a check
 * that passes several at once (a big batch, or racing batches written in one transaction) records each,
 * so every percent is one notice and one email. The email goes to every recipient (the owner and confirmed billing contacts), unless the owner switched
 * budget alerts off; the email that says a space was paused is always sent, like the frozen email. Returns
 * the emails' ids.
 */
export async function recordBudgetAlerts(tx: Transaction, input: BudgetAlertsInput): Promise<bigint[]> {
  const { now } = input;
  const month = budgetMonthStart(now).toISOString();
  type Notice = { budget: BudgetState; percent: number; key: string; isPaused: boolean };
  const notices: Notice[] = [];
  const pausedBy = (budgetId: bigint) => input.paused.filter((space) => space.budgetId === budgetId);
  for (const alert of input.alerts) {
    const marked = await tx.execute<{ percent: string }>(sql`
      insert into budget_alerts (budget_id, month, percent, fired_at)
      select ${alert.budget.id}, ${month}::timestamptz, p, ${now.toISOString()}::timestamptz
      from unnest(${`{${alert.percents.join(",")}}`}::bigint[]) as p
      on conflict do nothing
      returning percent::text`);
    const budget = alert.budget;
    const isPaused = pausedBy(budget.id).length > 0;
    for (const percent of marked.rows.map((row) => Number(row.percent)).sort((a, b) => a - b)) {
      const key = budgetAlertKey(budget.id, now, percent);
      await tx.execute(sql`
        insert into spend_alerts (account_id, kind, key, data, created_at)
        values (${budget.accountId}, 'budget', ${key}, ${JSON.stringify({
          budget_id: budget.id.toString(),
          space: budget.spaceName,
          amount_micros: budget.amountMicros.toString(),
          spend_micros: budget.spendMicros.toString(),
          percent,
          action: budget.action,
          month: budgetMonthKey(now),
        })}::jsonb, ${now.toISOString()}::timestamptz)
        on conflict (account_id, key) do nothing`);
      // The 100% email of a budget that paused just now is the pause email.
      notices.push({ budget, percent, key, isPaused: isPaused && percent === 100 });
    }
  }
  // A pause without a new alert (the 100% alert fired earlier this month, then the budget was lowered
  // or changed to pause): its own email, keyed by the pause's first platform event.
  for (const budget of input.budgets) {
    const spaces = pausedBy(budget.id);
    if (spaces.length === 0 || notices.some((notice) => notice.budget.id === budget.id && notice.isPaused)) continue;
    const percent = Number((budget.spendMicros * 100n) / budget.amountMicros);
    notices.push({ budget, percent, key: `budget-pause:${spaces[0]!.eventId}`, isPaused: true });
  }
  const wants = await wantsBudgetAlerts(tx, [...new Set(notices.map((notice) => notice.budget.accountId))]);
  const ids: bigint[] = [];
  for (const { budget, percent, key, isPaused } of notices) {
    if (!isPaused && wants.get(budget.accountId) === false) continue;
    for (const recipient of await listRecipients(tx, budget.accountId)) {
      const id = await enqueueEmail(tx, {
        key: recipient.key === "owner" ? key : `${key}:${recipient.key}`,
        accountId: budget.accountId,
        to: recipient.address,
        template: "budget-alert",
        data: {
          space: budget.spaceName,
          budgetMicros: budget.amountMicros.toString(),
          spendMicros: budget.spendMicros.toString(),
          percent,
          action: budget.action,
          isPaused,
          pausedSpaces: pausedBy(budget.id).length,
          month: budgetMonthKey(now),
          ...(recipient.unsubscribeUrl === undefined ? {} : { unsubscribeUrl: recipient.unsubscribeUrl }),
        },
      });
      ids.push(id);
    }
  }
  return ids;
}
