import { sql, type SQL } from "drizzle-orm";
import { getLogger } from "@/lib/observability/logger";

/** Tries per email owed (payment notices, standing changes) before it is given up on: about a day. */
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
 * Logs a failed try of an owed email: a warning while tries are left, an error on the last one (after
 * it the email is given up on). `attempts` is the count before this try.
 */
export function logEmailFailure(what: string, attempts: number, context: Record<string, unknown>, error: unknown): void {
  const isLast = attempts + 1 >= MAX_EMAIL_ATTEMPTS;
  const fields = { err: error, ...context, attempt: attempts + 1 };
  if (isLast) getLogger().error(fields, `${what} failed; giving up`);
  else getLogger().warn(fields, `${what} failed; will retry`);
}
