import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

/**
 * Deletes the failed attempts of Stripe events resolved (a `stripe_events` row: a later delivery or an
 * operator's replay succeeded) more than 90 days ago. The site's role may not delete failures itself
 * (migration 0034), so this asks the one function migration 0039 grants it, which fixes the rule and the
 * 90 days inside: an unresolved failure (still on /admin/payments' list) is never deleted.
 */
export async function pruneResolvedEventFailures(db: Database): Promise<number> {
  const result = await db.execute<{ deleted: number }>(sql`select prune_resolved_stripe_event_failures() as deleted`);
  return result.rows[0]?.deleted ?? 0;
}
