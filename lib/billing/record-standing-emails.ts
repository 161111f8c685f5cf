import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import type { StandingState } from "@/lib/ledger/standing";
import { standingMessage } from "./notify-standing-changes";
import { formatMicros } from "./rate-units";
import { wantsStandingEmail } from "./standing-email-choice";

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
 * email off in settings (the frozen one cannot be) or has no address left (a closed account).
 */
export async function recordStandingEmails(tx: Transaction, changes: RecordedStandingChange[]): Promise<void> {
  if (changes.length === 0) return;
  const ids = JSON.stringify([...new Set(changes.map((change) => change.accountId))]);
  const owners = await tx.execute<{
    account_id: string;
    email: string | null;
    low_balance: boolean;
    ran_out: boolean;
    recovered: boolean;
  }>(sql`
    select a.id as account_id, u.email, coalesce(p.low_balance, true) as low_balance, coalesce(p.ran_out, true) as ran_out,
      coalesce(p.recovered, true) as recovered
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
    const message = standingMessage(change.from, change.to);
    await enqueueEmail(tx, {
      key: `standing-change:${change.id}`,
      accountId: change.accountId,
      to: owner.email,
      subject: message.subject,
      text: `${message.body}\n\nBalance: ${formatMicros(change.balanceMicros)}\nAccount: ${getEnv().appUrl}/account\n`,
      template: `standing-${change.to}`,
    });
  }
}
