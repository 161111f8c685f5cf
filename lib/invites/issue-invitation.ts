import "server-only";
import { createInviteSignInLink } from "./create-invite-sign-in-link";
import type { Queryable } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { hashSecret } from "@/lib/security/secret-token";
import { createInvite, type CreateInviteOptions, type Invite } from "./create-invite";

export type IssueInvitationOptions = CreateInviteOptions & { invitedBy?: string };

/**
 * An invite (or the email's pending one) and the invitation email carrying its 14-day sign-in link,
 * recorded in the outbox inside the caller's transaction, so the email is owed exactly when the invite
 * commits. The caller sends it once the transaction has committed (sendOutboxEmailsNow with `emailId`);
 * the email sweep retries it through an SMTP outage.
 */
export async function issueInvitation(db: Queryable, options: IssueInvitationOptions): Promise<{ invite: Invite; emailId: bigint }> {
  const invite = await createInvite(db, options);
  const url = await createInviteSignInLink(db, { email: invite.email, expires: invite.expiresAt });
  // Keyed by the link's token (hashed: the key outlives the body), which is new for every invitation.
  const key = `invite:${hashSecret(url)}`;
  return { invite, emailId: await enqueueEmail(db, {
      to: invite.email,
      template: "invite",
      data: { url, expiresAt: invite.expiresAt.toISOString(), invitedBy: options.invitedBy ?? null },
      key,
    }) };
}
