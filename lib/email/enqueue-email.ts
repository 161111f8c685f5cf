import "server-only";
import type { Queryable } from "@/lib/db/client";
import { emailOutbox, type outboxEmailTemplates } from "@/lib/db/schema";
import type { EmailMessage } from "./send-email";

export type OutboxEmail = EmailMessage & { template: (typeof outboxEmailTemplates)[number] };

/**
 * Records an email in the outbox, inside the caller's transaction: it is owed exactly when the change
 * that causes it commits. The caller sends it after the commit (sendOutboxEmailsNow); the email sweep
 * sends whatever that leaves behind. Returns the row's id.
 */
export async function enqueueEmail(tx: Queryable, message: OutboxEmail): Promise<bigint> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      template: message.template,
      toAddress: message.to,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html ?? null,
    })
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error("email_outbox insert returned no row");
  return row.id;
}
