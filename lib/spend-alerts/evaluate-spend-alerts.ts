import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { decideSpendAlerts, startOfUtcDay, type OwedAlert } from "./decide-spend-alerts";
import { DAY_MS } from "./estimate-runway";
import { readAlertFacts } from "./read-alert-facts";
import { recordSpendAlert, type SpendAlertEmail } from "./record-spend-alert";

/** Accounts read and decided together: one facts statement per batch, one short transaction per alert. */
export const SPEND_ALERT_BATCH = 200;

export type SpendAlertRun = {
  accounts: number;
  /** Alerts recorded by this run (an alert already recorded is not counted again). */
  recorded: Array<{ accountId: string; kind: OwedAlert["kind"]; key: string }>;
  /** Outbox rows to send now (the email sweep sends whatever this leaves). */
  emailIds: bigint[];
};

export type EvaluateSpendAlertsOptions = {
  now?: Date;
  batchSize?: number;
  /** Only these accounts (tests, which share one database with other files' accounts); all by default. */
  accountIds?: string[];
};

function emailOf(alert: OwedAlert): SpendAlertEmail {
  return alert.kind === "runway" ? { template: "runway-alert", data: alert.data } : { template: "spend-anomaly", data: alert.data };
}

/**
 * The accounts worth a look: open ones with billed usage since the start of yesterday (the anomaly rule's
 * oldest day; a runway without usage that recent is not getting shorter). Keyset pages on the primary
 * key, so a run over many accounts reads them a bounded batch at a time.
 */
async function nextAccounts(db: Database, after: string, since: Date, limit: number, only?: string[]): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    select a.id from billing_accounts a
    where a.id > ${after}
      and (${only === undefined} or a.id in (select jsonb_array_elements_text(${JSON.stringify(only ?? [])}::jsonb)))
      and not exists (select 1 from account_closures c where c.account_id = a.id)
      and exists (select 1 from usage_account_hours h where h.account_id = a.id and h.hour >= ${since.toISOString()})
    order by a.id
    limit ${limit}`);
  return rows.rows.map((row) => row.id);
}

/**
 * The runway and anomaly alerts (issue 19), for every account with recent usage: each alert owed and not
 * yet recorded is recorded with its emails in one transaction (the spend_alerts key makes it once, so a
 * rerun or a racing run records nothing more), and a runway episode that ended is marked recovered so
 * the next shortfall is told again. Run hourly by the `spend-alerts` job; `now` is for tests.
 */
export async function evaluateSpendAlerts(db: Database, options: EvaluateSpendAlertsOptions = {}): Promise<SpendAlertRun> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? SPEND_ALERT_BATCH;
  const since = new Date(startOfUtcDay(now) - DAY_MS);
  const run: SpendAlertRun = { accounts: 0, recorded: [], emailIds: [] };
  for (let after = ""; ; ) {
    const ids = await nextAccounts(db, after, since, batchSize, options.accountIds);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    run.accounts += ids.length;
    for (const facts of await readAlertFacts(db, ids, now)) {
      const decision = decideSpendAlerts(facts, now);
      if (decision.recoveredRunwayId !== null) {
        await db.execute(sql`
          update spend_alerts set data = data || jsonb_build_object('recoveredAt', ${now.toISOString()}::text)
          where id = ${decision.recoveredRunwayId} and not data ? 'recoveredAt'`);
      }
      for (const alert of decision.alerts) {
        const emailIds = await runTransaction(db, (tx) =>
          recordSpendAlert(tx, { accountId: facts.accountId, kind: alert.kind, key: alert.key, data: alert.data, email: emailOf(alert), now }),
        );
        if (emailIds.length > 0) run.recorded.push({ accountId: facts.accountId, kind: alert.kind, key: alert.key });
        run.emailIds.push(...emailIds);
      }
    }
    if (ids.length < batchSize) break;
  }
  return run;
}
