import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashSecret } from "@/lib/security/secret-token";
import { CONFIRM_LINK_DAYS } from "./contact-rules";
import { maskEmail } from "./mask-email";

export type ConfirmLink = { contactEmail: string; accountLabel: string };

// A link is live while its contact waits (neither confirmed nor unsubscribed), it is the newest link
// sent to it, it is younger than CONFIRM_LINK_DAYS, and the account still has its owner.
const isLive = (token: string) => sql`
  c.confirm_token_hash = ${hashSecret(token)} and c.confirmed_at is null and c.unsubscribed_at is null
  and c.confirmation_sent_at > now() - make_interval(days => ${CONFIRM_LINK_DAYS})
  and u.email is not null`;

/** What the confirm page shows for a live link (the address, the account by its owner's masked address); undefined for any other. */
export async function findConfirmLink(db: Queryable, token: string): Promise<ConfirmLink | undefined> {
  const found = await db.execute<{ contact_email: string; owner_email: string }>(sql`
    select c.email as contact_email, u.email as owner_email
    from billing_contacts c join billing_accounts a on a.id = c.account_id join "user" u on u.id = a.owner_user_id
    where ${isLive(token)}`);
  const row = found.rows[0];
  return row ? { contactEmail: row.contact_email, accountLabel: maskEmail(row.owner_email) } : undefined;
}

/**
 * Confirms the contact of a live link: from now on it gets the account's receipts and alerts. The link
 * works once (its hash is cleared), so an old link can never undo a later unsubscribe.
 */
export async function confirmBillingContact(db: Queryable, token: string): Promise<ConfirmLink> {
  const confirmed = await db.execute<{ contact_email: string; owner_email: string }>(sql`
    update billing_contacts c set confirmed_at = now(), confirm_token_hash = null
    from billing_accounts a join "user" u on u.id = a.owner_user_id
    where a.id = c.account_id and ${isLive(token)}
    returning c.email as contact_email, u.email as owner_email`);
  const row = confirmed.rows[0];
  if (!row) throw new AppError("not_found", { message: "This link no longer works: it was used already, it expired, or a newer one was sent." });
  return { contactEmail: row.contact_email, accountLabel: maskEmail(row.owner_email) };
}
