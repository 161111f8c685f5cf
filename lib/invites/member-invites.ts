import "server-only";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import type { Database, Queryable } from "@/lib/db/client";
import { invites } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { selectValues } from "@/lib/db/select-values";
import { sendOutboxEmailsNow } from "@/lib/email/send-outbox-emails";
import { AppError } from "@/lib/errors";
import { runAfterResponse } from "@/lib/http/run-after-response";
import { getLaunchSettings } from "@/lib/settings/launch-settings";
import { pendingInviteExists, userWithEmailExists } from "./email-taken";
import { issueInvitation } from "./issue-invitation";
import { normalizeEmail } from "./normalize-email";

export type MemberInvites = {
  allowance: number;
  used: number;
  invites: Array<{ id: bigint; email: string; status: (typeof invites.$inferSelect)["status"]; createdAt: Date }>;
};

// A member's invites: always found by the session's user id, never by an id from the request.
const sentBy = (session: AppSession) => and(eq(invites.createdBy, session.user.id), eq(invites.source, "member"), ne(invites.status, "revoked"));

/** The session's own invitations and how many are left of the allowance operators set. */
export async function getMemberInvites(db: Queryable, session: AppSession): Promise<MemberInvites> {
  const [settings, sent] = await Promise.all([
    getLaunchSettings(db),
    db
      .select({ id: invites.id, email: invites.email, status: invites.status, createdAt: invites.createdAt })
      .from(invites)
      .where(sentBy(session))
      .orderBy(desc(invites.createdAt)),
  ]);
  return { allowance: settings.memberInviteAllowance, used: sent.length, invites: sent };
}

/**
 * A member invites someone, up to the allowance. Answers the same whether or not the address already
 * has an account or invite (then nothing is stored, sent or used up), so members cannot probe who is
 * signed up. Invites by one member are serialised, so racing requests cannot pass the allowance.
 */
export async function createMemberInvite(db: Database, session: AppSession, rawEmail: string): Promise<void> {
  const email = normalizeEmail(rawEmail);
  const emailId = await runTransaction(db, async (tx): Promise<bigint | undefined> => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`member-invites:${session.user.id}`}))`);
    const { allowance, used } = await getMemberInvites(tx, session);
    if (used >= allowance) {
      throw new AppError("conflict", { message: `You have used all ${allowance} of your invitations.` });
    }
    const { taken } = await selectValues(tx, {
      taken: sql`${userWithEmailExists(tx, email)} or ${pendingInviteExists(tx, email, { unexpiredOnly: true })}`.mapWith(Boolean),
    });
    if (taken) return undefined;
    const invitation = await issueInvitation(tx, { email, source: "member", createdBy: session.user.id, invitedBy: session.user.email });
    return invitation.emailId;
  });
  if (emailId !== undefined) runAfterResponse("invite-email", () => sendOutboxEmailsNow(db, [emailId]));
}
