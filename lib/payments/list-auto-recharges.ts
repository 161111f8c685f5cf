import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { autoRecharges } from "@/lib/db/schema";

export type AutoRechargeRow = {
  id: string;
  status: (typeof autoRecharges.$inferSelect)["status"];
  amountMicros: bigint | null;
  failureCode: string | null;
  receiptUrl: string | null;
  createdAt: Date;
};

/** The account's recent auto-recharges, newest first, for the billing page. */
export async function listAutoRecharges(db: Queryable, accountId: string, limit = 5): Promise<AutoRechargeRow[]> {
  const rows = await db
    .select({
      id: autoRecharges.id,
      status: autoRecharges.status,
      amountMicros: autoRecharges.amountMicros,
      failureCode: autoRecharges.failureCode,
      receiptUrl: autoRecharges.receiptUrl,
      createdAt: autoRecharges.createdAt,
    })
    .from(autoRecharges)
    .where(eq(autoRecharges.billingAccountId, accountId))
    .orderBy(desc(autoRecharges.createdAt))
    .limit(limit);
  return rows;
}
