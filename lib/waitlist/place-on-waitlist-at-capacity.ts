import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { normalizeEmail } from "@/lib/invites/normalize-email";

/**
 * Lists someone who tried to sign up while the account cap was reached, so operators see the demand
 * and can approve them when there is room. Does nothing if the email is listed already.
 */
export async function placeOnWaitlistAtCapacity(db: Queryable, rawEmail: string): Promise<void> {
  const email = normalizeEmail(rawEmail);
  await db.execute(sql`
    insert into waitlist_entries (email, building, source) values (${email}, '', 'capacity')
    on conflict (email) do update set status = 'waiting', source = 'capacity', decided_at = null, decided_by = null
    where waitlist_entries.status = 'withdrawn'`);
}
