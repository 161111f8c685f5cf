import "server-only";
import { desc, eq, like, or, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { emailOutbox, type OutboxEmailTemplate } from "@/lib/db/schema";
import { MAX_EMAIL_ATTEMPTS } from "@/lib/email/email-retry";

export type AccountEmail = {
  id: bigint;
  template: OutboxEmailTemplate;
  subject: string;
  status: "sent" | "queued" | "given up";
  createdAt: Date;
  sentAt: Date | null;
};

export const ACCOUNT_EMAILS_LIMIT = 50;

/**
 * The emails owed or sent to an account's owner, newest first: those recorded for the account, those
 * to its owner's address (sign-in links, invitations), and an operator's closing email, which is kept
 * apart from the account on purpose (lib/account-controls/close-account-by-operator.ts). Sent emails
 * are pruned after 30 days (lib/email/prune-sent-emails.ts), so this is the recent ones. For an account
 * the caller has already authorized (getAccountDetail).
 */
export async function listAccountEmails(
  db: Queryable,
  accountId: string,
  ownerEmail: string | null,
): Promise<AccountEmail[]> {
  const rows = await db
    .select({
      id: emailOutbox.id,
      template: emailOutbox.template,
      subject: emailOutbox.subject,
      attempts: emailOutbox.attempts,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(
      or(
        eq(emailOutbox.accountId, accountId),
        like(emailOutbox.idempotencyKey, `account-control:${accountId}:%`),
        ownerEmail === null ? undefined : eq(sql`lower(${emailOutbox.toAddress})`, ownerEmail.toLowerCase()),
      ),
    )
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(ACCOUNT_EMAILS_LIMIT);
  return rows.map((row) => ({
    id: row.id,
    template: row.template,
    subject: row.subject,
    status: row.sentAt ? "sent" : row.attempts >= MAX_EMAIL_ATTEMPTS ? "given up" : "queued",
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  }));
}
