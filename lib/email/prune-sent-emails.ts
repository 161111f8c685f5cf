import "server-only";
import { and, isNotNull, lt } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { emailOutbox } from "@/lib/db/schema";

/**
 * How long a sent outbox email's record (address, subject, template, times; the body is gone already)
 * is kept: long enough to answer "did my invitation go out?", short enough that addresses do not pile
 * up (a closed account's address is forgotten; its old invitations should not keep it).
 */
export const SENT_EMAIL_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Deletes outbox emails sent before `before`. Unsent ones, given up on or not, are owed and stay. */
export async function pruneSentEmails(db: Database, before: Date): Promise<number> {
  const deleted = await db
    .delete(emailOutbox)
    .where(and(isNotNull(emailOutbox.sentAt), lt(emailOutbox.sentAt, before)))
    .returning({ id: emailOutbox.id });
  return deleted.length;
}
