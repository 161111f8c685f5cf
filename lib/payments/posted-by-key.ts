import "server-only";
import { inArray } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { transfers } from "@/lib/db/schema";

/**
 * What was already posted under each of these idempotency keys, in micro-dollars. A reversal already
 * posted is done: it is left out of the next posting rather than replayed, because its payload (the net
 * share, the invoice it names) may have been worked out before the invoice's row existed, and a replay
 * must match its payload to the byte (lib/ledger/payload-hash.ts).
 */
export async function findPostedByKey(db: Queryable, keys: string[]): Promise<Map<string, bigint>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ key: transfers.idempotencyKey, micros: transfers.amountMicros })
    .from(transfers)
    .where(inArray(transfers.idempotencyKey, keys));
  return new Map(rows.map((row) => [row.key, row.micros]));
}
