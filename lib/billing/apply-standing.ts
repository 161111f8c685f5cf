import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { autoRechargeRequestSql } from "./request-auto-recharge";
import { recordStandingEmails } from "./record-standing-emails";
import { standingFor, type StandingState } from "@/lib/ledger/standing";
import { recordPlatformEvent } from "@/lib/platform-events/record-platform-event";

export type StandingChange = { accountId: string; from: StandingState; to: StandingState; balanceMicros: bigint };

export type ApplyStandingOptions = {
  /** Billing account id → its customer credit balance after the posting, read under the ledger lock. */
  balances: Map<string, bigint>;
  cause: string;
  causeTransferId?: bigint;
  /**
   * The caller records its own email for these changes (an operator's freeze, unfreeze or closing,
   * lib/account-controls), so the standing email is not owed as well: one event, one email.
   */
  hasOwnEmail?: boolean;
};

/**
 * Recomputes the standing of each account from its new balance, in the same transaction as the posting
 * that moved it, and records every change with its cause and the email it owes. The caller holds the ledger account locks,
 * so two racing postings see each other's balances and cannot both skip a crossing.
 */
export async function applyStanding(tx: Transaction, options: ApplyStandingOptions): Promise<StandingChange[]> {
  if (options.balances.size === 0) return [];
  const ids = [...options.balances.keys()];
  // Auto-recharge (lib/payments): one request row per account that fell under its threshold, asked in
  // the statement that reads the accounts' standing (one round trip under the locks, not two).
  // An operator's freeze in force (account_freezes) holds the account frozen whatever the balance: a
  // top-up recomputes it here like any posting and finds it still frozen, so only an unfreeze lifts it.
  const current = await tx.execute<{ id: string; state: StandingState; low: string; floor: string; is_held: boolean }>(sql`
    with recharges as (${autoRechargeRequestSql(options.balances)})
    select id, state, low_threshold_micros::text as low, floor_micros::text as floor,
      exists (select 1 from account_freezes f where f.account_id = billing_accounts.id) as is_held
    from billing_accounts where id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
  const changes: StandingChange[] = [];
  for (const row of current.rows) {
    const balanceMicros = options.balances.get(row.id)!;
    const next = row.is_held ? "frozen" : standingFor(balanceMicros, { lowThresholdMicros: BigInt(row.low), floorMicros: BigInt(row.floor) });
    if (next !== row.state) changes.push({ accountId: row.id, from: row.state, to: next, balanceMicros });
  }
  if (changes.length === 0) return [];
  const rows = changes.map((change) => ({
    account_id: change.accountId,
    from_state: change.from,
    to_state: change.to,
    balance_micros: change.balanceMicros.toString(),
  }));
  const recorded = await tx.execute<{ id: string; account_id: string }>(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as t(account_id text, from_state text, to_state text, balance_micros bigint)
    ), updated as (
      update billing_accounts set state = input.to_state from input where billing_accounts.id = input.account_id
    )
    insert into standing_changes (account_id, from_state, to_state, balance_micros, cause, cause_transfer_id)
    select account_id, from_state, to_state, balance_micros, ${options.cause}, ${options.causeTransferId?.toString() ?? null}::bigint
    from input
    returning id::text, account_id`);
  // The platform is told of every change (an operator's freeze too) in this same transaction (its outbox).
  for (const change of changes) {
    const data = { state: change.to, previous_state: change.from, balance_micros: change.balanceMicros.toString() };
    await recordPlatformEvent(tx, { accountId: change.accountId, type: "account.standing_changed", data });
  }
  // Each change's email, if its owner wants it, is owed from this same transaction (the outbox).
  if (options.hasOwnEmail) return changes;
  const idOf = new Map(recorded.rows.map((row) => [row.account_id, BigInt(row.id)]));
  await recordStandingEmails(
    tx,
    changes.map((change) => ({ ...change, id: idOf.get(change.accountId)! })),
  );
  return changes;
}
