import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import type { StandingState } from "@/lib/ledger/standing";
import { wantsStandingEmail } from "./standing-email-choice";
import { unfreezeAmountMicros } from "./unfreeze-amount";

export type RecordedStandingChange = {
  id: bigint;
  accountId: string;
  from: StandingState;
  to: StandingState;
  balanceMicros: bigint;
};

/**
 * Records the email each standing change owes its account's owner in the outbox, inside the transaction
 * that records the change (keyed by the change, so it is owed once). Skipped when the owner switched that
 * email off in settings (the frozen one cannot be) or has no address left (a closed account), and for a
 * fall to `low` while an auto-recharge is in flight (asked for by this very posting, or earlier): the
 * recharge's own email says it (its receipt, or the "auto-recharge paused" email), so one event is one
 * email, not a "balance low" followed a second later by a receipt. A payment notice recorded in the
 * same transaction absorbs the change's email (lib/payments/payment-notices.ts).
 */
export async function recordStandingEmails(tx: Transaction, changes: RecordedStandingChange[]): Promise<void> {
  if (changes.length === 0) return;
  const ids = JSON.stringify([...new Set(changes.map((change) => change.accountId))]);
  const owners = await tx.execute<{
    account_id: string;
    email: string | null;
    floor: string;
    low_balance: boolean;
    ran_out: boolean;
    recovered: boolean;
    is_recharging: boolean;
  }>(sql`
    select a.id as account_id, u.email, a.floor_micros::text as floor, coalesce(p.low_balance, true) as low_balance,
      coalesce(p.ran_out, true) as ran_out, coalesce(p.recovered, true) as recovered,
      exists (select 1 from auto_recharges r where r.billing_account_id = a.id and r.status in ('pending', 'charging')) as is_recharging
    from billing_accounts a
    join "user" u on u.id = a.owner_user_id
    left join alert_preferences p on p.account_id = a.id
    where a.id in (select jsonb_array_elements_text(${ids}::jsonb))`);
  const ownerOf = new Map(owners.rows.map((row) => [row.account_id, row]));
  for (const change of changes) {
    const owner = ownerOf.get(change.accountId);
    if (!owner?.email) continue;
    const choices = { lowBalance: owner.low_balance, ranOut: owner.ran_out, recovered: owner.recovered };
    if (!wantsStandingEmail(choices, change.from, change.to)) continue;
    if (change.to === "low" && owner.is_recharging) continue;
    const unfreeze = change.to === "frozen" ? unfreezeAmountMicros(change.balanceMicros, BigInt(owner.floor)) : undefined;
    await enqueueEmail(tx, {
      key: `standing-change:${change.id}`,
      accountId: change.accountId,
      to: owner.email,
      template: `standing-${change.to}`,
      data: {
        from: change.from,
        to: change.to,
        balanceMicros: change.balanceMicros.toString(),
        ...(unfreeze === undefined ? {} : { unfreezeMicros: unfreeze.toString() }),
      },
    });
  }
}
