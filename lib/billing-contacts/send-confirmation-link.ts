import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { hashSecret, newSecretToken } from "@/lib/security/secret-token";
import { CONFIRM_LINK_DAYS } from "./contact-rules";
import { maskEmail } from "./mask-email";

export type SendConfirmationLinkOptions = { accountId: string; contactId: bigint; to: string; ownerEmail: string };

/**
 * Gives a contact a new confirmation link (any older one stops working: only the newest token's hash
 * is kept) and records its email in the caller's transaction. The link dies after CONFIRM_LINK_DAYS, and
 * so does the email if it could not be sent by then. Returns the outbox row's id, to send after commit.
 */
export async function sendConfirmationLink(tx: Transaction, options: SendConfirmationLinkOptions): Promise<bigint> {
  const token = newSecretToken();
  const sent = await tx.execute<{ expires_at: Date | string }>(sql`
    update billing_contacts set confirm_token_hash = ${hashSecret(token)}, confirmation_sent_at = now()
    where id = ${options.contactId}
    returning now() + make_interval(days => ${CONFIRM_LINK_DAYS}) as expires_at`);
  const expiresAt = new Date(sent.rows[0]!.expires_at);
  return enqueueEmail(tx, {
    to: options.to,
    template: "billing-contact-confirm",
    data: {
      confirmUrl: `${getEnv().appUrl}/contacts/confirm?${new URLSearchParams({ token })}`,
      accountLabel: maskEmail(options.ownerEmail),
      expiresAt: expiresAt.toISOString(),
    },
    // This link's: every link has a new token, and the key never holds the secret itself.
    key: `billing-contact-confirm:${hashSecret(token)}`,
    accountId: options.accountId,
    sendBefore: expiresAt,
  });
}
