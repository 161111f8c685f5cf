import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { platformTokens, users, type PlatformTokenScope } from "@/lib/db/schema";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";

export type PlatformTokenState = "active" | "expiring" | "expired" | "revoked";

export type PlatformTokenRow = {
  id: bigint;
  name: string;
  prefix: string;
  scopes: PlatformTokenScope[];
  /** The creating operator's email; null when a script made it (or the operator is gone). */
  createdByEmail: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedFrom: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** Decided by the database's clock, the one the billing API checks against. */
  state: PlatformTokenState;
};

// Enough for any real fleet of hosts; the newest first, so a fresh successor sits above its predecessor.
const MAX_ROWS = 500;

/** Every platform token for /admin/tokens (operators only); never a secret or its hash. */
export async function listPlatformTokens(db: Queryable, session: AppSession | null): Promise<PlatformTokenRow[]> {
  requireAdmin(session);
  return db
    .select({
      id: platformTokens.id,
      name: platformTokens.name,
      prefix: platformTokens.prefix,
      scopes: platformTokens.scopes,
      createdByEmail: users.email,
      createdAt: platformTokens.createdAt,
      lastUsedAt: platformTokens.lastUsedAt,
      lastUsedFrom: platformTokens.lastUsedFrom,
      expiresAt: platformTokens.expiresAt,
      revokedAt: platformTokens.revokedAt,
      state: sql<PlatformTokenState>`case
        when ${platformTokens.revokedAt} is not null then 'revoked'
        when ${platformTokens.expiresAt} is null then 'active'
        when ${platformTokens.expiresAt} > now() then 'expiring'
        else 'expired' end`,
    })
    .from(platformTokens)
    .leftJoin(users, eq(users.id, platformTokens.createdBy))
    .orderBy(desc(platformTokens.createdAt), desc(platformTokens.id))
    .limit(MAX_ROWS);
}
