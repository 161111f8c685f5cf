import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashSecret } from "@/lib/security/secret-token";

/** Whether a withdraw link still works: its entry is on the waitlist and has not been decided. */
export async function isWithdrawTokenLive(db: Queryable, token: string): Promise<boolean> {
  const result = await db.execute(sql`
    select 1 from waitlist_entries where withdraw_token_hash = ${hashSecret(token)} and status = 'waiting'`);
  return result.rows.length > 0;
}

/** Takes the entry of a withdraw link off the waitlist. The link works once. */
export async function withdrawFromWaitlist(db: Queryable, token: string): Promise<void> {
  const result = await db.execute(sql`
    update waitlist_entries set status = 'withdrawn', withdraw_token_hash = null, decided_at = now()
    where withdraw_token_hash = ${hashSecret(token)} and status = 'waiting'
    returning id`);
  if (result.rows.length === 0) {
    throw new AppError("not_found", { message: "This link no longer works: the entry was already withdrawn or decided." });
  }
}
