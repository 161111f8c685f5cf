import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { createPlatformToken, type CreatedPlatformToken, type PlatformTokenScope } from "@/lib/billing/platform-tokens";
import { revokePlatformToken } from "@/lib/billing/revoke-platform-token";
import { rotatePlatformToken, type RotatedPlatformToken } from "@/lib/billing/rotate-platform-token";
import type { Database } from "@/lib/db/client";
import { platformTokens } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";

// The operator's side of platform tokens (/admin/tokens): the token logic is lib/billing's; here the
// role is checked and each change commits with its audit entry naming the operator. No audit entry
// holds a secret or its hash: the secret is returned once, to be shown once.

const target = (id: bigint) => `platform-token:${id}`;

/** A new token with the operator's name and scopes; the secret is in the answer and nowhere else. */
export async function createPlatformTokenAudited(
  db: Database,
  session: AppSession | null,
  input: { name: string; scopes: PlatformTokenScope[] },
): Promise<CreatedPlatformToken> {
  const admin = requireAdmin(session);
  return runTransaction(db, async (tx) => {
    const created = await createPlatformToken(tx, input.name, { scopes: input.scopes, createdBy: admin.user.id });
    const { token: _secret, ...after } = created;
    await recordAudit(tx, {
      session: admin,
      action: "platform-token.create",
      target: target(created.id),
      before: null,
      after,
    });
    return created;
  });
}

/** A successor with the same name and scopes; the old token keeps working for `graceSeconds`. */
export async function rotatePlatformTokenAudited(
  db: Database,
  session: AppSession | null,
  input: { id: bigint; graceSeconds: number },
): Promise<RotatedPlatformToken> {
  const admin = requireAdmin(session);
  return runTransaction(db, async (tx) => {
    const rotated = await rotatePlatformToken(tx, { ...input, createdBy: admin.user.id });
    const { token: _secret, ...successor } = rotated.successor;
    await recordAudit(tx, {
      session: admin,
      action: "platform-token.rotate",
      target: target(input.id),
      before: { expiresAt: null },
      after: { expiresAt: rotated.expiresAt, graceSeconds: input.graceSeconds, successor },
    });
    return rotated;
  });
}

/** Stops a token at once (one in its rotation grace too). */
export async function revokePlatformTokenAudited(db: Database, session: AppSession | null, id: bigint): Promise<void> {
  const admin = requireAdmin(session);
  await runTransaction(db, async (tx) => {
    const [before] = await tx
      .select({ revokedAt: platformTokens.revokedAt, expiresAt: platformTokens.expiresAt })
      .from(platformTokens)
      .where(eq(platformTokens.id, id))
      .for("update");
    if (!before || !(await revokePlatformToken(tx, id))) {
      throw new AppError("not_found", { message: "That token does not exist or is already revoked." });
    }
    const [after] = await tx
      .select({ revokedAt: platformTokens.revokedAt })
      .from(platformTokens)
      .where(eq(platformTokens.id, id));
    await recordAudit(tx, {
      session: admin,
      action: "platform-token.revoke",
      target: target(id),
      before,
      after: { ...before, ...after },
    });
  });
}
