import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Queryable } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import type { UnsubscribeLink } from "./billing-contact-schema";
import { dropOwedEmails } from "./drop-owed-emails";
import { maskEmail } from "./mask-email";
import { isUnsubscribeToken } from "./unsubscribe-token";

/**
 * What an unsubscribe link's page shows: `subscribed` (with the address and the account by its owner's
 * masked address) or `unsubscribed` (nothing is sent to it: it unsubscribed, or the owner removed it).
 * Undefined when the token is not the contact's: a tampered link names nobody.
 */
export type UnsubscribeView = { state: "subscribed"; contactEmail: string; accountLabel: string } | { state: "unsubscribed" };

export async function findUnsubscribeLink(db: Queryable, link: UnsubscribeLink): Promise<UnsubscribeView | undefined> {
  if (!isUnsubscribeToken(link.contact, link.token)) return undefined;
  const found = await db.execute<{ email: string; owner_email: string | null; is_unsubscribed: boolean }>(sql`
    select c.email, u.email as owner_email, c.unsubscribed_at is not null as is_unsubscribed
    from billing_contacts c join billing_accounts a on a.id = c.account_id join "user" u on u.id = a.owner_user_id
    where c.id = ${link.contact}`);
  const row = found.rows[0];
  if (!row || row.is_unsubscribed || !row.owner_email) return { state: "unsubscribed" };
  return { state: "subscribed", contactEmail: row.email, accountLabel: maskEmail(row.owner_email) };
}

/**
 * Unsubscribes the contact of a link (the page's button, or a mail client's RFC 8058 one-click POST):
 * nothing more is sent to it, and what is still owed is taken back. Idempotent: a second POST, or one
 * for a contact the owner removed since, changes nothing and succeeds. A token that is not the
 * contact's is `not_found`.
 */
export async function unsubscribeBillingContact(db: Database, link: UnsubscribeLink): Promise<void> {
  if (!isUnsubscribeToken(link.contact, link.token)) {
    throw new AppError("not_found", { message: "This unsubscribe link is not one of ours." });
  }
  await runTransaction(db, async (tx) => {
    const updated = await tx.execute<{ account_id: string; email: string }>(sql`
      update billing_contacts set unsubscribed_at = coalesce(unsubscribed_at, now()), confirm_token_hash = null
      where id = ${link.contact} returning account_id, email`);
    const row = updated.rows[0];
    if (row) await dropOwedEmails(tx, { accountId: row.account_id, contactId: link.contact, email: row.email });
  });
}
