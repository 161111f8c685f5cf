import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { unsubscribeUrl } from "./unsubscribe-token";

/**
 * One address an account's receipt or alert goes to: the owner, or a billing contact, who must be able
 * to stop them without signing in (`unsubscribeUrl`, shown in the email and sent as List-Unsubscribe).
 * `key` tells recipients apart in an outbox idempotency key (`owner`, `contact:<id>`).
 */
export type Recipient = { address: string; key: string; unsubscribeUrl?: string };

/**
 * Who gets an account's receipts and spend alerts: its owner (when the account still has one with an
 * address) and each billing contact that confirmed its address and has not unsubscribed. Contacts that
 * never confirmed get nothing. Read in the caller's transaction, so the emails it enqueues match the
 * contacts at the moment of the event.
 */
export async function listRecipients(tx: Queryable, accountId: string, { includeOwner = true } = {}): Promise<Recipient[]> {
  const rows = await tx.execute<{ kind: "owner" | "contact"; id: string | null; email: string }>(sql`
    select 'owner' as kind, null as id, u.email
    from billing_accounts a join "user" u on u.id = a.owner_user_id
    where a.id = ${accountId} and u.email is not null and ${includeOwner}
    union all
    select 'contact', c.id::text, c.email
    from billing_contacts c
    where c.account_id = ${accountId} and c.confirmed_at is not null and c.unsubscribed_at is null
    order by 1 desc, 2`);
  return rows.rows.map((row) =>
    row.kind === "owner"
      ? { address: row.email, key: "owner" }
      : { address: row.email, key: `contact:${row.id}`, unsubscribeUrl: unsubscribeUrl(BigInt(row.id!)) },
  );
}
