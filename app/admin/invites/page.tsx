import { AdminListRow } from "@/components/admin/admin-list-row";
import { AdminPage } from "@/components/admin/admin-page";
import { formatDate } from "@/components/admin/format";
import { RevokeButton } from "@/components/admin/revoke-button";
import { StatusBadge } from "@/components/admin/status-badge";
import { getDb } from "@/lib/db/client";
import { listPendingInvites } from "@/lib/invites/manage-invites";
import { requireAdminPage } from "../require-admin-page";
import { revokeInviteAction } from "./actions";
import { adminMetadata } from "../admin-metadata";

export const generateMetadata = adminMetadata({ title: "Invites" });

const sourceLabel = { waitlist: "Waitlist", operator: "Operator", member: "Member", code: "Code" } as const;

export default async function AdminInvitesPage() {
  const invites = await listPendingInvites(getDb(), await requireAdminPage());
  return (
    <AdminPage title="Invites" lead="Invites not used yet. Revoking one stops its emailed link at once.">
      <section aria-label="Pending invites" className="rounded-2xl border border-line bg-paper">
        {invites.length === 0 ? (
          <p className="p-6 text-sm text-ink-soft">No pending invites.</p>
        ) : (
          <ul className="divide-y divide-line">
            {invites.map((invite) => (
              <AdminListRow
                key={invite.id.toString()}
                heading={
                  <>
                    <span className="font-medium break-all">{invite.email}</span>
                    <StatusBadge tone="brand">{sourceLabel[invite.source]}</StatusBadge>
                    {invite.isExpired ? <StatusBadge>Expired</StatusBadge> : null}
                  </>
                }
                details={
                  <>
                    {invite.invitedBy ? `By ${invite.invitedBy} · ` : ""}sent {formatDate(invite.createdAt)} · expires {formatDate(invite.expiresAt)}
                  </>
                }
                action={
                  <RevokeButton action={revokeInviteAction} fields={{ inviteId: invite.id.toString() }} ariaLabel={`Revoke the invite for ${invite.email}`} />
                }
              />
            ))}
          </ul>
        )}
      </section>
    </AdminPage>
  );
}
