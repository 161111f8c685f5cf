// Pure (no `server-only`): the billing API's OpenAPI document states this schedule from these constants.

/**
 * Tries per platform event before it is given up on: with the backoff below, about 21 hours after the
 * first failure (9 doublings from 10 s, then hourly). Long enough to outlast a platform deploy or an
 * outage; past it, the platform reads the truth from GET standing anyway.
 */
export const MAX_PLATFORM_WEBHOOK_ATTEMPTS = 30;

/** Each try waits at most this long for the platform's answer (headers and body). */
export const PLATFORM_WEBHOOK_TIMEOUT_MS = 5_000;

const FIRST_RETRY_MS = 10_000;
const LONGEST_WAIT_MS = 3_600_000;

/**
 * When an event whose try number `attempts` (1 for the first) just failed is tried again: the shape of
 * the email outbox's schedule (lib/email/email-retry.ts: doubling, capped at an hour), but from 10 s
 * rather than a minute, since the platform acts on a standing change within seconds.
 */
export function nextPlatformWebhookAttempt(attempts: number, now: Date): Date {
  const waitMs = Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempts - 1, 0), LONGEST_WAIT_MS);
  return new Date(now.getTime() + waitMs);
}
