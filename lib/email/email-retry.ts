import { sql, type SQL } from "drizzle-orm";

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
