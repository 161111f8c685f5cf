import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { ANOMALY_READ_DAYS, startOfUtcDay, type AlertFacts } from "./decide-spend-alerts";
import { DAY_MS, RUNWAY_WINDOW_MS } from "./estimate-runway";

type FactsRow = {
  account_id: string;
  balance: string;
  runway_alert: boolean;
  runway_days: number;
  anomaly_alert: boolean;
  first: Date | string | null;
  spent: string;
  /** [day start in ms, cost] pairs as text, from json_agg. */
  days: Array<[string, string]>;
  last_runway: { id: string; created_at: string; is_recovered: boolean } | null;
};

/**
 * Everything the runway and anomaly rules need for a batch of accounts, in one statement: the balance,
 * the switches (no row: all on, 7 days), the first usage hour, the runway window's spend (the same sum
 * as the dashboard's), the daily costs of the last 9 UTC days and the latest runway alert. Every
 * subquery reads usage_account_hours by its primary key (account, hour): a few hundred narrow rows an account.
 */
export async function readAlertFacts(db: Queryable, accountIds: string[], now: Date): Promise<AlertFacts[]> {
  if (accountIds.length === 0) return [];
  const windowStart = new Date(now.getTime() - RUNWAY_WINDOW_MS).toISOString();
  const tomorrow = startOfUtcDay(now) + DAY_MS;
  const daysFrom = new Date(tomorrow - ANOMALY_READ_DAYS * DAY_MS).toISOString();
  const rows = await db.execute<FactsRow>(sql`
    select a.id as account_id, l.balance_micros::text as balance,
      coalesce(p.runway_alert, true) as runway_alert, coalesce(p.runway_days, 7) as runway_days,
      coalesce(p.anomaly_alert, true) as anomaly_alert,
      (select min(h.hour) from usage_account_hours h where h.account_id = a.id) as first,
      (select coalesce(sum(h.cost_micros), 0)::text from usage_account_hours h
        where h.account_id = a.id and h.hour >= ${windowStart} and h.hour < ${now.toISOString()}) as spent,
      (select coalesce(json_agg(json_build_array((extract(epoch from d.day) * 1000)::bigint::text, d.cost::text)), '[]')
        from (select date_trunc('day', h.hour, 'UTC') as day, sum(h.cost_micros) as cost from usage_account_hours h
          where h.account_id = a.id and h.hour >= ${daysFrom} and h.hour < ${new Date(tomorrow).toISOString()}
          group by 1) d) as days,
      (select json_build_object('id', s.id::text, 'created_at', s.created_at, 'is_recovered', s.data ? 'recoveredAt')
        from spend_alerts s where s.account_id = a.id and s.kind = 'runway' order by s.created_at desc, s.id desc limit 1) as last_runway
    from billing_accounts a
    join ledger_accounts l on l.billing_account_id = a.id
    left join alert_preferences p on p.account_id = a.id
    where a.id in (select jsonb_array_elements_text(${JSON.stringify(accountIds)}::jsonb))
    order by a.id`);
  return rows.rows.map((row) => ({
    accountId: row.account_id,
    balanceMicros: BigInt(row.balance),
    runwayAlert: row.runway_alert,
    runwayDays: row.runway_days,
    anomalyAlert: row.anomaly_alert,
    firstUsageAt: row.first ? new Date(row.first) : null,
    spentMicros: BigInt(row.spent),
    dayCosts: new Map(row.days.map(([start, cost]) => [Number(start), BigInt(cost)])),
    lastRunway: row.last_runway
      ? { id: BigInt(row.last_runway.id), createdAt: new Date(row.last_runway.created_at), isRecovered: row.last_runway.is_recovered }
      : null,
  }));
}
