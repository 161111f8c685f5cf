import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { transfers } from "@/lib/db/schema";

export type PostedTransfer = { id: bigint; amountMicros: bigint };

/** The transfer posted under an idempotency key (a payment's credit, say), or undefined if none was. */
export async function findTransferByKey(db: Queryable, idempotencyKey: string): Promise<PostedTransfer | undefined> {
  const [row] = await db
    .select({ id: transfers.id, amountMicros: transfers.amountMicros })
    .from(transfers)
    .where(eq(transfers.idempotencyKey, idempotencyKey));
  return row;
}
