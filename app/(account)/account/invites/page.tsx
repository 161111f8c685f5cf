import type { Metadata } from "next";
import { MemberInviteForm } from "@/components/account/member-invite-form";
import { AccountPage, PageHeader } from "@/components/account/page-header";
import { getMemberInvites } from "@/lib/invites/member-invites";
import { requireAccountPage } from "../require-account-page";
import { inviteMemberAction } from "./actions";

export const metadata: Metadata = { title: "Invite others" };

const statusLabel = { pending: "Invited", used: "Joined", revoked: "Withdrawn" } as const;

export default async function MemberInvitesPage() {
  const { session, db } = await requireAccountPage();
  const { allowance, used, invites } = await getMemberInvites(db, session);
  const left = Math.max(0, allowance - used);
  return (
    <AccountPage>
      <PageHeader
        title="Invite others"
        description={`Know someone building a real-time app? Each account can invite ${allowance} ${allowance === 1 ? "person" : "people"} during the preview.`}
      />
      <section aria-labelledby="invite-heading" className="mt-8 rounded-2xl border border-line bg-paper p-6">
        <div className="flex items-center justify-between gap-4">
          <h2 id="invite-heading" className="text-base font-semibold">Send an invitation</h2>
          <span className="rounded-full bg-brand-soft px-2.5 py-0.5 text-xs font-semibold text-brand" data-testid="invites-left">
            {left} of {allowance} left
          </span>
        </div>
        <div className="mt-4">
          {left > 0 ? (
            <MemberInviteForm action={inviteMemberAction} />
          ) : (
            <p className="text-sm leading-6 text-ink-soft">You have used all your invitations. Thank you for spreading the word.</p>
          )}
        </div>
      </section>
      {invites.length > 0 ? (
        <section aria-labelledby="sent-heading" className="mt-6 rounded-2xl border border-line bg-paper p-6">
          <h2 id="sent-heading" className="text-base font-semibold">Sent</h2>
          <ul className="mt-3 divide-y divide-line text-sm">
            {invites.map((invite) => (
              <li key={invite.id.toString()} className="flex items-center justify-between gap-4 py-3">
                <span className="min-w-0 truncate">{invite.email}</span>
                <span className="shrink-0 text-ink-soft">{statusLabel[invite.status]}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </AccountPage>
  );
}
