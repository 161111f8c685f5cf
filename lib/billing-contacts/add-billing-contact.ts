import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { sendOutboxEmailsNow } from "@/lib/email/send-outbox-emails";
import { AppError } from "@/lib/errors";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";
import type { AppSession } from "@/lib/session/app-session";
import { BILLING_CONTACT_LIMITS, MAX_BILLING_CONTACTS } from "./contact-rules";
import { ownAccountOrThrow } from "./own-account";
import { sendConfirmationLink } from "./send-confirmation-link";

/**
 * Adds a billing contact to the session's own account and mails it a confirmation link, in one
 * transaction: nothing is sent to the address until its owner follows the link. Refused: the owner's
 * own address (it gets everything already), an address already listed, a sixth contact, and more
 * confirmation emails an hour than BILLING_CONTACT_LIMITS allows. An advisory lock per account makes
 * two racing adds count each other.
 */
export async function addBillingContact(db: Database, session: AppSession, email: string): Promise<{ contactId: bigint; emailId: bigint }> {
  const account = await ownAccountOrThrow(db, session);
  if (email === account.ownerEmail.trim().toLowerCase()) {
    throw new AppError("validation_failed", {
      message: "That is your own address: it gets every receipt and alert already.",
      details: { fields: [{ path: "email", message: "That is your own address: it gets every receipt and alert already." }] },
    });
  }
  await consumeRateLimits(db, [{ bucket: `billing-contacts:account:${account.accountId}`, ...BILLING_CONTACT_LIMITS.confirmationsPerAccount }], "confirmation emails");
  const added = await runTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`billing-contacts:${account.accountId}`}, 0))`);
    const existing = await tx.execute<{ count: number; is_listed: boolean }>(sql`
      select count(*)::int as count, coalesce(bool_or(lower(email) = ${email}), false) as is_listed
      from billing_contacts where account_id = ${account.accountId}`);
    const { count, is_listed: isListed } = existing.rows[0]!;
    if (isListed) throw new AppError("conflict", { message: `${email} is already a billing contact of this account.` });
    if (count >= MAX_BILLING_CONTACTS) {
      throw new AppError("conflict", { message: `An account can have ${MAX_BILLING_CONTACTS} billing contacts. Remove one to add another.` });
    }
    const inserted = await tx.execute<{ id: string }>(sql`
      insert into billing_contacts (account_id, email) values (${account.accountId}, ${email}) returning id::text`);
    const contactId = BigInt(inserted.rows[0]!.id);
    const emailId = await sendConfirmationLink(tx, { accountId: account.accountId, contactId, to: email, ownerEmail: account.ownerEmail });
    return { contactId, emailId };
  });
  await sendOutboxEmailsNow(db, [added.emailId]);
  return added;
}
