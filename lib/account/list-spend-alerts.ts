import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/lib/db/client";
import { startOfMonth } from "./periods";

/** A spend alert as the dashboard tells it: one sentence with its numbers (components/account/spend-alert-notices.tsx). */
export type SpendAlertNotice = { id: bigint; createdAt: Date } & (
  | { kind: "runway"; balanceMicros: bigint; perDayMicros: bigint; days: number; withinDays: number }
  | { kind: "anomaly"; day: string; costMicros: bigint; medianMicros: bigint; isToday: boolean }
  | {
      kind: "budget";
      percent: number;
      /** The space's name; null for the account's own budget. */
      space: string | null;
      amountMicros: bigint | null;
      spendMicros: bigint | null;
      action: "alert" | "pause" | null;
    }
);

/**
 * At most this many notices, newest first: more would bury the dashboard (an account with a budget on
 * each of 100 spaces can pass dozens of thresholds in a month). One more is read, to say there are more.
 */
export const MAX_SPEND_NOTICES = 3;

const micros = z.union([z.string().regex(/^-?\d{1,20}$/), z.number().int()]).transform((value) => BigInt(value));
const runwayDataSchema = z.object({ balanceMicros: micros, perDayMicros: micros, days: z.number().int(), withinDays: z.number().int() });
const anomalyDataSchema = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), costMicros: micros, medianMicros: micros, isToday: z.boolean() });
// A budget alert's data as lib/budgets/record-budget-alerts.ts writes it (snake case, like the API); the
// percent from the key `budget:<id>:<YYYY-MM>:<percent>` when the data lacks it, so a notice is never lost.
const budgetDataSchema = z
  .object({
    percent: z.number().int(),
    space: z.string().nullable(),
    amount_micros: micros,
    spend_micros: micros,
    action: z.enum(["alert", "pause"]),
  })
  .partial();

type Row = { id: string; kind: string; key: string; data: unknown; created_at: Date | string };

function noticeOf(row: Row): SpendAlertNotice | null {
  const base = { id: BigInt(row.id), createdAt: new Date(row.created_at) };
  if (row.kind === "runway") {
    const data = runwayDataSchema.safeParse(row.data);
    return data.success ? { ...base, kind: "runway", ...data.data } : null;
  }
  if (row.kind === "anomaly") {
    const data = anomalyDataSchema.safeParse(row.data);
    return data.success ? { ...base, kind: "anomaly", ...data.data } : null;
  }
  const data = budgetDataSchema.safeParse(row.data);
  const figures = data.success ? data.data : {};
  const percent = figures.percent ?? Number(row.key.split(":").at(-1));
  if (!Number.isInteger(percent)) return null;
  return {
    ...base,
    kind: "budget",
    percent,
    space: figures.space ?? null,
    amountMicros: figures.amount_micros ?? null,
    spendMicros: figures.spend_micros ?? null,
    action: figures.action ?? null,
  };
}

/**
 * The account's spend alerts of this UTC month not yet dismissed, newest first: the dashboard's
 * notices. An alert whose switch is now off is not shown (its emails were the owner's choice too),
 * except a budget's 100% of a pause budget, which says a space is paused. A budget shows only its
 * highest percent this month (80% says all 50% did), and none while the budget holds a space paused:
 * the paused-spaces notice says it, with the way out. `accountId` is the session's own (the
 * page has it from requireAccountPage).
 */
export async function listSpendAlerts(db: Queryable, accountId: string, now = new Date()): Promise<SpendAlertNotice[]> {
  const rows = await db.execute<Row>(sql`
    select s.id::text, s.kind, s.key, s.data, s.created_at
    from spend_alerts s
    left join alert_preferences p on p.account_id = s.account_id
    where s.account_id = ${accountId} and s.dismissed_at is null and s.created_at >= ${startOfMonth(now).toISOString()}
      and case s.kind
        when 'runway' then coalesce(p.runway_alert, true)
        when 'anomaly' then coalesce(p.anomaly_alert, true)
        else coalesce(p.budget_alerts, true) or s.data->>'action' = 'pause'
      end
      and not (s.kind = 'budget' and exists (
        select 1 from spend_alerts higher
        where higher.account_id = s.account_id and higher.kind = 'budget'
          and split_part(higher.key, ':', 2) = split_part(s.key, ':', 2) and split_part(higher.key, ':', 3) = split_part(s.key, ':', 3)
          and split_part(higher.key, ':', 4)::int > split_part(s.key, ':', 4)::int))
      and not (s.kind = 'budget' and exists (
        select 1 from space_pauses sp
        where sp.account_id = s.account_id and sp.budget_id::text = s.data->>'budget_id' and sp.month >= ${startOfMonth(now).toISOString()}))
    order by s.created_at desc, s.id desc
    limit ${MAX_SPEND_NOTICES + 1}`);
  return rows.rows.map(noticeOf).filter((notice) => notice !== null);
}
