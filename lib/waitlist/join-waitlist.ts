import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { sendOutboxEmailsNow } from "@/lib/email/send-outbox-emails";
import { AppError } from "@/lib/errors";
import { runAfterResponse } from "@/lib/http/run-after-response";
import { runTransaction } from "@/lib/db/run-transaction";
import { bucketKey, consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";
import { hashSecret, newSecretToken } from "@/lib/security/secret-token";
import { getLaunchSettings } from "@/lib/settings/launch-settings";
import { withdrawUrl } from "./withdraw-url";
import type { JoinWaitlist } from "./waitlist-schema";

export const WAITLIST_LIMITS = {
  perIp: { limit: 10, windowSeconds: 60 * 60 },
  perEmail: { limit: 3, windowSeconds: 60 * 60 },
} as const;

export type JoinWaitlistOptions = JoinWaitlist & { ip: string };

/**
 * Puts an email on the waitlist and, after the response, mails a confirmation (how billing works, and a withdraw link) (recorded
 * in the outbox with the join, so an SMTP outage delays it but never loses it).
 * Idempotent and silent about who is listed: a second join, or a join by an existing user, stores and
 * sends nothing and returns exactly as the first did. Someone who withdrew may join again.
 */
export async function joinWaitlist(db: Database, options: JoinWaitlistOptions): Promise<void> {
  await consumeRateLimits(
    db,
    [
      { bucket: `waitlist:ip:${options.ip}`, ...WAITLIST_LIMITS.perIp },
      { bucket: `waitlist:email:${bucketKey(options.email)}`, ...WAITLIST_LIMITS.perEmail },
    ],
    "waitlist requests",
  );
  if ((await getLaunchSettings(db)).launchMode === "private") {
    throw new AppError("forbidden", { message: "The waitlist is closed for now." });
  }
  const token = newSecretToken();
  const emailId = await runTransaction(db, async (tx) => {
    const joined = await tx.execute(sql`
      insert into waitlist_entries (email, building, link, withdraw_token_hash, source)
      select ${options.email}, ${options.building}, ${options.link ?? null}, ${hashSecret(token)}, 'form'
      where not exists (select 1 from "user" where email = ${options.email})
      on conflict (email) do update set status = 'waiting', source = 'form', building = excluded.building,
        link = excluded.link, withdraw_token_hash = excluded.withdraw_token_hash, decided_at = null, decided_by = null
      where waitlist_entries.status = 'withdrawn'
        or (waitlist_entries.status = 'waiting' and waitlist_entries.source = 'capacity')
      returning id`);
    if (joined.rows.length === 0) return undefined;
    return enqueueEmail(tx, {
      to: options.email,
      template: "waitlist-joined",
      data: { withdrawUrl: withdrawUrl(token) },
      // This join's: its withdraw token is new for every join.
      key: `waitlist-joined:${hashSecret(token)}`,
    });
  });
  if (emailId !== undefined) runAfterResponse("waitlist-confirmation", () => sendOutboxEmailsNow(db, [emailId]));
}
