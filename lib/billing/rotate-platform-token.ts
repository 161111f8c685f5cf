import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { platformTokens } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createPlatformToken, type CreatedPlatformToken } from "./platform-tokens";

// The longest grace a rotation may give the old token: long enough for a slow fleet rollout, short
// enough that a forgotten old secret does not live on for months.
export const MAX_ROTATION_GRACE_SECONDS = 30 * 24 * 3600;

export type RotatePlatformTokenOptions = {
  id: bigint;
  /** How long the old token keeps working; 0 stops it now. */
  graceSeconds: number;
  /** The operator's user id, recorded as the successor's creator. */
  createdBy: string | null;
};

export type RotatedPlatformToken = {
  /** When the old token stops answering (the database's clock). */
  expiresAt: Date;
  successor: CreatedPlatformToken;
};

/**
 * Replaces a live token by a successor with the same name and scopes, and gives the old one
 * `graceSeconds` more life (hosts switch secrets without a gap). Inside the caller's transaction, so the
 * audit entry commits with it. A token already rotated, revoked or expired is a 409: rotating twice
 * would leave two successors, and ending a grace early is what revoking is for.
 */
export async function rotatePlatformToken(
  tx: Transaction,
  options: RotatePlatformTokenOptions,
): Promise<RotatedPlatformToken> {
  const { id, graceSeconds } = options;
  if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > MAX_ROTATION_GRACE_SECONDS) {
    throw new AppError("validation_failed", { message: "The grace period is 0 seconds to 30 days." });
  }
  // The row lock of the update makes a concurrent second rotation wait and then find nothing to rotate.
  const [old] = await tx
    .update(platformTokens)
    .set({ expiresAt: sql`now() + make_interval(secs => ${graceSeconds})` })
    .where(and(eq(platformTokens.id, id), isNull(platformTokens.revokedAt), isNull(platformTokens.expiresAt)))
    .returning({ name: platformTokens.name, scopes: platformTokens.scopes, expiresAt: platformTokens.expiresAt });
  if (!old) {
    throw new AppError("conflict", {
      message: "That token is unknown, revoked or already rotated: only a live token can be rotated.",
    });
  }
  const successor = await createPlatformToken(tx, old.name, { scopes: old.scopes, createdBy: options.createdBy });
  return { expiresAt: old.expiresAt!, successor };
}
