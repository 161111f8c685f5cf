import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { sendOutboxEmailsNow } from "@/lib/email/send-outbox-emails";
import { AppError } from "@/lib/errors";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";
import type { AppSession } from "@/lib/session/app-session";
import { BILLING_CONTACT_LIMITS } from "./contact-rules";
import { ownAccountOrThrow } from "./own-account";
import { sendConfirmationLink } from "./send-confirmation-link";

/**
 * "Send the link again": a new confirmation link (the old one stops working) for a contact of the
 * session's own account that has not confirmed yet. A contact of another account is `not_found`, as if
 * it did not exist; a confirmed or unsubscribed one is a `conflict` (an unsubscribed address is not
 * asked again: the owner may remove it and add it anew). Limited per contact and per account.
 */
export async function resendConfirmationLink(db: Database, session: AppSession, contactId: bigint): Promise<string> {
  const account = await ownAccountOrThrow(db, session);
  const found = await db.execute<{ email: string; is_pending: boolean }>(sql`
    select email, (confirmed_at is null and unsubscribed_at is null) as is_pending
    from billing_contacts where id = ${contactId} and account_id = ${account.accountId}`);
  const contact = found.rows[0];
  if (!contact) throw new AppError("not_found", { message: "That contact is not on this account." });
  if (!contact.is_pending) throw new AppError("conflict", { message: `${contact.email} needs no confirmation link now.` });
  await consumeRateLimits(
    db,
    [
      { bucket: `billing-contacts:account:${account.accountId}`, ...BILLING_CONTACT_LIMITS.confirmationsPerAccount },
      { bucket: `billing-contacts:contact:${contactId}`, ...BILLING_CONTACT_LIMITS.resendsPerContact },
    ],
    "confirmation emails",
  );
  const emailId = await runTransaction(db, (tx) =>
    sendConfirmationLink(tx, { accountId: account.accountId, contactId, to: contact.email, ownerEmail: account.ownerEmail }),
  );
  await sendOutboxEmailsNow(db, [emailId]);
  return contact.email;
}
