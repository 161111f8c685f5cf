import "server-only";
import { createInviteSignInLink } from "@/lib/auth/create-invite-sign-in-link";
import type { Queryable } from "@/lib/db/client";
import type { EmailMessage } from "@/lib/email/send-email";
import { createInvite, type CreateInviteOptions, type Invite } from "./create-invite";
import { renderInviteEmail } from "./invite-email";

export type IssueInvitationOptions = CreateInviteOptions & { invitedBy?: string };

/**
 * An invite (or the email's pending one) and the invitation email carrying its 14-day sign-in link,
 * inside the caller's transaction. The caller sends the email once the transaction has committed.
 */
export async function issueInvitation(db: Queryable, options: IssueInvitationOptions): Promise<{ invite: Invite; email: EmailMessage }> {
  const invite = await createInvite(db, options);
  const url = await createInviteSignInLink(db, { email: invite.email, expires: invite.expiresAt });
  return { invite, email: renderInviteEmail({ to: invite.email, url, expiresAt: invite.expiresAt, invitedBy: options.invitedBy }) };
}
