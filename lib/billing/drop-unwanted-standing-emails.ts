import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import type { StandingState } from "@/lib/ledger/standing";
import { wantsStandingEmail, type AlertChoices } from "./standing-email-choice";

/**
 * Drops the standing emails an account still owes (recorded, not yet sent) that its owner's new alert
 * choices switch off, inside the transaction that saves them: an email switched off is not sent, even
 * one recorded just before the switch (the frozen one cannot be switched off). Returns how many went.
 */
export async function dropUnwantedStandingEmails(
  tx: Transaction,
  accountId: string,
  choices: AlertChoices,
): Promise<number> {
  const owed = await tx.execute<{ id: string; from_state: StandingState; to_state: StandingState }>(sql`
    select e.id::text, c.from_state, c.to_state
    from email_outbox e join standing_changes c on e.idempotency_key = 'standing-change:' || c.id
    where e.account_id = ${accountId} and e.sent_at is null and e.template like 'standing-%'
    for update of e`);
  const unwanted = owed.rows
    .filter((email) => !wantsStandingEmail(choices, email.from_state, email.to_state))
    .map((email) => email.id);
  if (unwanted.length === 0) return 0;
  await tx.execute(
    sql`delete from email_outbox where id in (select jsonb_array_elements_text(${JSON.stringify(unwanted)}::jsonb)::bigint)`,
  );
  return unwanted.length;
}
