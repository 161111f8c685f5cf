import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { platformTokens } from "@/lib/db/schema";

/**
 * Revokes a token at once (its next request answers 401), a token in its rotation grace included.
 * Returns false when no unrevoked token has that id.
 */
export async function revokePlatformToken(db: Queryable, id: bigint): Promise<boolean> {
  const result = await db
    .update(platformTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(platformTokens.id, id), isNull(platformTokens.revokedAt)));
  return (result.rowCount ?? 0) > 0;
}
