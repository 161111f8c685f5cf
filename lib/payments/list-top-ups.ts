import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { topUps } from "@/lib/db/schema";
import type { TopUpStatus } from "./fulfill-checkout";

export type TopUpRow = { sessionId: string; amountMicros: bigint; status: TopUpStatus; receiptUrl: string | null; createdAt: Date };

/** The account's recent top-ups that reached Stripe's payment step (abandoned sessions are left out). */
export async function listTopUps(db: Queryable, accountId: string, limit = 10): Promise<TopUpRow[]> {
  return db
    .select({
      sessionId: topUps.checkoutSessionId,
      amountMicros: topUps.amountMicros,
      status: topUps.status,
      receiptUrl: topUps.receiptUrl,
      createdAt: topUps.createdAt,
    })
    .from(topUps)
    .where(and(eq(topUps.billingAccountId, accountId), inArray(topUps.status, ["paid", "processing", "failed"])))
    .orderBy(desc(topUps.createdAt))
    .limit(limit);
}
