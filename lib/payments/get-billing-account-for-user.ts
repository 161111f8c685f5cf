import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type BillingOwner = { accountId: string; ledgerAccountId: bigint; email: string };

/** The signed-in user's own billing account (found by user id, never by an id from the request). */
export async function getBillingAccountForUserOrThrow(db: Queryable, userId: string): Promise<BillingOwner> {
  const rows = await db.execute<{ id: string; ledger_id: string; email: string }>(sql`
    select b.id, l.id::text as ledger_id, u.email
    from billing_accounts b
    join ledger_accounts l on l.billing_account_id = b.id
    join "user" u on u.id = b.owner_user_id
    where b.owner_user_id = ${userId}`);
  const row = rows.rows[0];
  if (!row) throw new AppError("not_found", { message: "This sign-in has no billing account." });
  return { accountId: row.id, ledgerAccountId: BigInt(row.ledger_id), email: row.email };
}

/** The billing account named in a Stripe object's metadata, or undefined when we have no such account. */
export async function findBillingOwner(db: Queryable, accountId: string): Promise<BillingOwner | undefined> {
  const rows = await db.execute<{ id: string; ledger_id: string; email: string }>(sql`
    select b.id, l.id::text as ledger_id, u.email
    from billing_accounts b
    join ledger_accounts l on l.billing_account_id = b.id
    join "user" u on u.id = b.owner_user_id
    where b.id = ${accountId}`);
  const row = rows.rows[0];
  return row ? { accountId: row.id, ledgerAccountId: BigInt(row.ledger_id), email: row.email } : undefined;
}
