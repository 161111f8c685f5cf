import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { emailOutbox, type OutboxEmailTemplate } from "@/lib/db/schema";
import { emailSubject } from "./render-email";
import type { EmailData } from "./templates";

export type OutboxEmail<T extends OutboxEmailTemplate = OutboxEmailTemplate> = {
  to: string;
  template: T;
  /** What the template draws the email from (lib/email/templates); rendered when the email is sent. */
  data: EmailData<T>;
  /**
   * Names the event the email is owed for (`payment-notice:<transfer id>`, `standing-change:<id>`, a hash
   * of a link's token, …), never a secret: recording the same event twice (a retried handler, a
   * duplicate webhook) records one email.
   */
  key: string;
  /** The billing account the email is about, if any: its owner's address gone (account closed), it is settled unsent. */
  accountId?: string;
  /** When what the email carries dies (a sign-in link): not sent by then, it is dropped. */
  sendBefore?: Date;
};

/**
 * Records an email in the outbox, inside the caller's transaction: it is owed exactly when the change
 * that causes it commits. Only the template's data is stored (and the subject, for /admin/emails); the
 * email is drawn when it is sent (lib/email/send-outbox-emails.ts), which keeps rendering out of
 * transactions that hold ledger locks and lets a template fix reach emails still queued. The caller
 * sends it after the commit (sendOutboxEmailsNow); the email sweep sends whatever that leaves behind.
 * Returns the row's id, the existing row's for a key already recorded (sending it again is harmless: a
 * sent email is never sent twice).
 */
export async function enqueueEmail<T extends OutboxEmailTemplate>(tx: Queryable, message: OutboxEmail<T>): Promise<bigint> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      idempotencyKey: message.key,
      template: message.template,
      toAddress: message.to,
      subject: emailSubject(message.template, message.data),
      data: message.data,
      accountId: message.accountId ?? null,
      sendBefore: message.sendBefore ?? null,
    })
    // A no-op update, so that the existing row's id comes back (`do nothing` returns no row).
    .onConflictDoUpdate({ target: emailOutbox.idempotencyKey, set: { idempotencyKey: sql`excluded.idempotency_key` } })
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error("email_outbox insert returned no row");
  return row.id;
}
