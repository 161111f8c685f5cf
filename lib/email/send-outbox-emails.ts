import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { emailOutbox } from "@/lib/db/schema";
import { getLogger } from "@/lib/observability/logger";
import { emailIsDue, logEmailFailure } from "./email-retry";
import { sendEmail } from "./send-email";

export type SendOutboxEmailsOptions = { ids?: bigint[]; limit?: number };

/**
 * Sends the outbox's emails that are due: right after the transaction that recorded them commits
 * (scoped to their ids) and from the email sweep (lib/jobs/start-jobs.ts, every 30 s) for any a crash or
 * an SMTP outage left behind. Rows are locked while they are sent (`skip locked`), so the sweep and the
 * after-commit send never send one twice; an email is marked sent only once the SMTP server accepted it,
 * and its body (live links) is dropped then. A failed send is logged, never thrown, and tried again with
 * the shared backoff (lib/email/email-retry.ts). Returns how many emails went out.
 */
export async function sendOutboxEmails(db: Database, options: SendOutboxEmailsOptions = {}): Promise<number> {
  if (options.ids?.length === 0) return 0;
  let sent = 0;
  await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(emailOutbox)
      .where(
        and(
          isNull(emailOutbox.sentAt),
          emailIsDue(sql`${emailOutbox.attempts}`, sql`${emailOutbox.lastAttemptAt}`),
          options.ids ? inArray(emailOutbox.id, options.ids) : undefined,
        ),
      )
      .orderBy(asc(emailOutbox.id))
      .limit(options.limit ?? 50)
      .for("update", { skipLocked: true });
    for (const email of due) {
      const tried = { attempts: sql`${emailOutbox.attempts} + 1`, lastAttemptAt: sql`now()` };
      try {
        await sendEmail({
          to: email.toAddress,
          subject: email.subject,
          text: email.textBody ?? "",
          html: email.htmlBody ?? undefined,
          template: email.template,
        });
      } catch (error) {
        logEmailFailure("outbox", email.attempts, { outboxId: email.id.toString(), template: email.template }, error);
        await tx.update(emailOutbox).set(tried).where(eq(emailOutbox.id, email.id));
        continue;
      }
      await tx
        .update(emailOutbox)
        .set({ ...tried, sentAt: sql`now()`, textBody: null, htmlBody: null })
        .where(eq(emailOutbox.id, email.id));
      sent++;
    }
  });
  return sent;
}

/** Sends just-recorded emails after the commit without failing the caller: whatever is left, the sweep sends. */
export async function sendOutboxEmailsNow(db: Database, ids: bigint[]): Promise<void> {
  try {
    await sendOutboxEmails(db, { ids });
  } catch (error) {
    getLogger().error({ err: error, outboxIds: ids.map(String) }, "emails could not be sent now; the sweep will retry");
  }
}
