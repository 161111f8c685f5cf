import "server-only";
import { sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { MAX_EMAIL_ATTEMPTS, owedEmailKindOf, type OwedEmailKind } from "@/lib/email/email-retry";
import { AppError } from "@/lib/errors";

export type RetryUndeliveredEmailOptions = { kind: OwedEmailKind; id: bigint };

// What audit entries name an email by: its account, or for an email about none its template (never its
// body, which may carry a sign-in link).
const auditKey: Record<OwedEmailKind, "account" | "template"> = { payment_notice: "account", standing_change: "account", outbox: "template" };

/**
 * Makes an email the site gave up on due again (operators only): its tries go back to 0 and its last
 * try is forgotten, so the next sweep (lib/jobs/start-jobs.ts, every 30 s) sends it with a fresh day of
 * retries. Written to the audit log in the same transaction. An email already sent, or still being
 * retried, is left as it is (`conflict`).
 */
export async function retryUndeliveredEmail(
  db: Database,
  session: AppSession | null,
  options: RetryUndeliveredEmailOptions,
): Promise<void> {
  const admin = requireAdmin(session);
  const key = auditKey[options.kind];
  await runTransaction(db, async (tx) => {
    const found = await tx.execute<{
      template: string;
      about: string;
      attempts: number;
      last_attempt_at: Date | string | null;
      is_sent: boolean;
    }>(sql`
      select template, ${key === "account" ? sql.raw("account_id") : sql.raw("template")} as about, attempts, last_attempt_at,
        sent_at is not null as is_sent
      from email_outbox where id = ${options.id} for update`);
    const email = found.rows.find((row) => owedEmailKindOf(row.template) === options.kind);
    if (!email) throw new AppError("not_found", { message: "That email does not exist." });
    if (email.is_sent)
      throw new AppError("conflict", {
        message: "That email was already delivered, so there is nothing to try again.",
      });
    if (email.attempts < MAX_EMAIL_ATTEMPTS) {
      // Tries at 0 are most likely a second press (another operator, a stale page): already retried.
      const message =
        email.attempts === 0
          ? "That email is already due again: the next sweep sends it."
          : `That email has not been given up on: it is still being retried (${email.attempts} of ${MAX_EMAIL_ATTEMPTS} tries so far).`;
      throw new AppError("conflict", { message });
    }
    await tx.execute(sql`update email_outbox set attempts = 0, last_attempt_at = null where id = ${options.id}`);
    await recordAudit(tx, {
      session: admin,
      action: "email.retry",
      target: `${options.kind}:${options.id}`,
      before: { [key]: email.about, attempts: email.attempts, lastAttemptAt: email.last_attempt_at },
      after: { [key]: email.about, attempts: 0, lastAttemptAt: null },
    });
  });
}

/**
 * Makes every email the site gave up on due again (operators only), for after an SMTP outage is fixed:
 * one transaction, one audit entry with the counts. Returns how many were made due; none given up on is
 * a `conflict` (a second press, or another operator was first).
 */
export async function retryAllUndeliveredEmails(db: Database, session: AppSession | null): Promise<number> {
  const admin = requireAdmin(session);
  return runTransaction(db, async (tx) => {
    const reset = await tx.execute<{ template: string }>(sql`
      update email_outbox set attempts = 0, last_attempt_at = null
      where sent_at is null and attempts >= ${MAX_EMAIL_ATTEMPTS}
      returning template`);
    const counts: Record<OwedEmailKind, number> = { payment_notice: 0, standing_change: 0, outbox: 0 };
    for (const row of reset.rows) counts[owedEmailKindOf(row.template)] += 1;
    const total = reset.rows.length;
    if (total === 0) throw new AppError("conflict", { message: "No email is given up on: there is nothing to try again." });
    await recordAudit(tx, {
      session: admin,
      action: "email.retry_all",
      target: "emails",
      before: { givenUp: counts },
      after: { dueAgain: total },
    });
    return total;
  });
}
