import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { inviteCodes } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { selectValues } from "@/lib/db/select-values";
import { sendOutboxEmailsNow } from "@/lib/email/send-outbox-emails";
import { AppError } from "@/lib/errors";
import { runAfterResponse } from "@/lib/http/run-after-response";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";
import { pendingInviteExists, userWithEmailExists } from "./email-taken";
import { hashInviteCode } from "./invite-code-format";
import { issueInvitation } from "./issue-invitation";

// Against guessing: every attempt counts, right or wrong.
export const INVITE_CODE_LIMITS = { perIp: { limit: 10, windowSeconds: 15 * 60 } } as const;

export type RedeemInviteCodeOptions = { code: string; email: string; ip: string };

/**
 * Trades an invite code for an invite for `email`, mailed with its sign-in link after the response
 * (through the outbox, recorded with the code's use, so an SMTP outage delays it but never loses it).
 * The code's row is locked while its use is counted, so a code with one use left admits exactly one of
 * two concurrent redeemers. An email that already has an account or a pending invite uses nothing up:
 * the answer is the same either way, so the form cannot be used to learn who is signed up.
 */
export async function redeemInviteCode(db: Database, options: RedeemInviteCodeOptions): Promise<void> {
  await consumeRateLimits(db, [{ bucket: `invite-code:ip:${options.ip}`, ...INVITE_CODE_LIMITS.perIp }], "invite code attempts");
  const emailId = await runTransaction(db, async (tx): Promise<bigint | undefined> => {
    const [code] = await tx
      .select({
        id: inviteCodes.id,
        usesLeft: inviteCodes.usesLeft,
        isLive: sql`${and(isNull(inviteCodes.revokedAt), gt(inviteCodes.expiresAt, sql`now()`))}`.mapWith(Boolean),
      })
      .from(inviteCodes)
      .where(eq(inviteCodes.codeHash, hashInviteCode(options.code)))
      .for("update");
    if (!code?.isLive) throw new AppError("not_found", { message: "That invite code is not valid. Check it and try again." });
    if (code.usesLeft <= 0) throw new AppError("conflict", { message: "That invite code has been used up." });
    const { taken } = await selectValues(tx, {
      taken: sql`${userWithEmailExists(tx, options.email)} or ${pendingInviteExists(tx, options.email, { unexpiredOnly: false })}`.mapWith(Boolean),
    });
    if (taken) return undefined;
    await tx
      .update(inviteCodes)
      .set({ usesLeft: sql`${inviteCodes.usesLeft} - 1` })
      .where(eq(inviteCodes.id, code.id));
    const invitation = await issueInvitation(tx, { email: options.email, source: "code", inviteCodeId: code.id });
    return invitation.emailId;
  });
  if (emailId !== undefined) runAfterResponse("invite-email", () => sendOutboxEmailsNow(db, [emailId]));
}
