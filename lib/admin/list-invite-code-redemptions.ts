import "server-only";
import { and, desc, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Queryable } from "@/lib/db/client";
import { invites } from "@/lib/db/schema";

/** Each code shows its latest redemptions; a code handed to a conference hall may have thousands. */
export const REDEMPTIONS_SHOWN_PER_CODE = 20;

export type CodeRedemption = { email: string; redeemedAt: Date; hasSignedUp: boolean };

export type CodeRedemptions = { total: number; latest: CodeRedemption[] };

/**
 * Who redeemed each of these codes and when, newest first (operators only): a redemption is the invite
 * the code made for the email it was redeemed with (at that moment), and it has signed up once the
 * invite is used. Keyed by the code's id as a string.
 */
export async function listInviteCodeRedemptions(db: Queryable, session: AppSession | null, codeIds: bigint[]): Promise<Map<string, CodeRedemptions>> {
  requireAdmin(session);
  const byCode = new Map<string, CodeRedemptions>();
  if (codeIds.length === 0) return byCode;
  const ranked = db
    .select({
      codeId: sql<string>`${invites.inviteCodeId}::text`.as("code_id"),
      email: invites.email,
      redeemedAt: sql<Date>`${invites.createdAt}`.mapWith(invites.createdAt).as("redeemed_at"),
      hasSignedUp: sql<boolean>`${invites.status} = 'used'`.as("has_signed_up"),
      rank: sql<number>`row_number() over (partition by ${invites.inviteCodeId} order by ${invites.createdAt} desc, ${invites.id} desc)`.mapWith(Number).as("rank"),
      total: sql<number>`count(*) over (partition by ${invites.inviteCodeId})`.mapWith(Number).as("total"),
    })
    .from(invites)
    .where(and(isNotNull(invites.inviteCodeId), inArray(invites.inviteCodeId, codeIds)))
    .as("ranked");
  const rows = await db.select().from(ranked).where(lte(ranked.rank, REDEMPTIONS_SHOWN_PER_CODE)).orderBy(desc(ranked.redeemedAt));
  for (const row of rows) {
    const entry = byCode.get(row.codeId) ?? { total: row.total, latest: [] };
    entry.latest.push({ email: row.email, redeemedAt: row.redeemedAt, hasSignedUp: row.hasSignedUp });
    byCode.set(row.codeId, entry);
  }
  return byCode;
}
