import { sql, type SQL } from "drizzle-orm";
import { getLogger } from "@/lib/observability/logger";
import { getMetrics } from "@/lib/observability/metrics";

/** Tries per email owed (every email_outbox row) before it is given up on: about a day. */
export const MAX_EMAIL_ATTEMPTS = 20;

/**
 * Whether an owed email may be tried now: never tried yet, or its backoff has passed (1, 2, 4 …
 * minutes after the last failure, at most an hour), and fewer than MAX_EMAIL_ATTEMPTS tries so far.
 * `attempts` and `lastAttemptAt` name the row's columns, as `sql.raw("n.attempts")`.
 */
export function emailIsDue(attempts: SQL, lastAttemptAt: SQL): SQL {
  return sql`(${attempts} < ${MAX_EMAIL_ATTEMPTS} and (${lastAttemptAt} is null
    or ${lastAttemptAt} <= now() - make_interval(mins => least(power(2, ${attempts} - 1), 60)::int)))`;
}

/**
 * The kinds of owed email, as the `emails_given_up_total` metric, the admin page and its audit entries
 * name them: payment notices (receipts, refunds, disputes), standing changes, and every other email
 * (`outbox`: sign-in links, invitations, waitlist, auto-recharge). All of them are email_outbox rows; the
 * kind follows from the template.
 */
export const owedEmailKinds = ["payment_notice", "standing_change", "outbox"] as const;
export type OwedEmailKind = (typeof owedEmailKinds)[number];

/** The kind of an email by its template (`payment-receipt` → payment_notice, `standing-low` → standing_change). */
export function owedEmailKindOf(template: string): OwedEmailKind {
  if (template.startsWith("payment-")) return "payment_notice";
  if (template.startsWith("standing-")) return "standing_change";
  return "outbox";
}

const logName: Record<OwedEmailKind, string> = { payment_notice: "payment email", standing_change: "standing email", outbox: "email" };

/**
 * Logs a failed try of an owed email: a warning while tries are left; on the last one (after it the
 * email is given up on) an error and `emails_given_up_total`, which alerts (ops/alerts.yml) and sends
 * operators to /admin/emails. `attempts` is the count before this try.
 */
export function logEmailFailure(kind: OwedEmailKind, attempts: number, context: Record<string, unknown>, error: unknown): void {
  const isLast = attempts + 1 >= MAX_EMAIL_ATTEMPTS;
  const fields = { err: error, ...context, attempt: attempts + 1 };
  if (!isLast) {
    getLogger().warn(fields, `${logName[kind]} failed; will retry`);
    return;
  }
  getMetrics().emailsGivenUp.inc({ kind });
  getLogger().error(fields, `${logName[kind]} failed; giving up`);
}
