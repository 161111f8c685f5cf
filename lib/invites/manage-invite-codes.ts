import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Database, Queryable } from "@/lib/db/client";
import { inviteCodes } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { generateInviteCode, hashInviteCode } from "./invite-code-format";

export type CreateInviteCodeOptions = { uses: number; expiresInDays: number; note?: string };

export type InviteCodeRow = Omit<typeof inviteCodes.$inferSelect, "codeHash"> & { isExpired: boolean };

/** A new invite code (operators only). Returns the code itself: the only time anyone sees it. */
export async function createInviteCode(
  db: Database,
  session: AppSession | null,
  options: CreateInviteCodeOptions,
): Promise<{ id: bigint; code: string }> {
  const admin = requireAdmin(session);
  const code = generateInviteCode();
  return runTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(inviteCodes)
      .values({
        codeHash: hashInviteCode(code),
        usesLeft: options.uses,
        expiresAt: sql`now() + make_interval(days => ${options.expiresInDays})`,
        note: options.note ?? null,
        createdBy: admin.user.id,
      })
      .returning();
    if (!created) throw new Error("invite code insert returned nothing");
    const { codeHash: _hash, ...after } = created;
    await recordAudit(tx, { session: admin, action: "invite-code.create", target: `invite-code:${created.id}`, before: null, after });
    return { id: created.id, code };
  });
}

/** Stops a code from admitting anyone else (operators only); invites it already made stay valid. */
export async function revokeInviteCode(db: Database, session: AppSession | null, codeId: bigint): Promise<void> {
  const admin = requireAdmin(session);
  await runTransaction(db, async (tx) => {
    const [revoked] = await tx
      .update(inviteCodes)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(inviteCodes.id, codeId), isNull(inviteCodes.revokedAt)))
      .returning();
    if (!revoked) throw new AppError("not_found", { message: "That code does not exist or is already revoked." });
    await recordAudit(tx, {
      session: admin,
      action: "invite-code.revoke",
      target: `invite-code:${codeId}`,
      before: { revokedAt: null, usesLeft: revoked.usesLeft },
      after: { revokedAt: revoked.revokedAt, usesLeft: revoked.usesLeft },
    });
  });
}

/** Every code, newest first (operators only); never the code or its hash. */
export async function listInviteCodes(db: Queryable, session: AppSession | null): Promise<InviteCodeRow[]> {
  requireAdmin(session);
  return db
    .select({
      id: inviteCodes.id,
      usesLeft: inviteCodes.usesLeft,
      expiresAt: inviteCodes.expiresAt,
      isExpired: sql<boolean>`${inviteCodes.expiresAt} <= now()`,
      note: inviteCodes.note,
      revokedAt: inviteCodes.revokedAt,
      createdBy: inviteCodes.createdBy,
      createdAt: inviteCodes.createdAt,
    })
    .from(inviteCodes)
    .orderBy(desc(inviteCodes.createdAt))
    .limit(200);
}
