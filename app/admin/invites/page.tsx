import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { formatDate } from "@/components/admin/format";
import { StatusBadge } from "@/components/admin/status-badge";
import { ActionButton } from "@/components/ui/action-button";
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
    <div className="space-y-8">
      <AdminPageHeader title="Invites" lead="Invites not used yet. Revoking one stops its emailed link at once." />
      <section aria-label="Pending invites" className="rounded-2xl border border-line bg-paper">
        {invites.length === 0 ? (
          <p className="p-6 text-sm text-ink-soft">No pending invites.</p>
        ) : (
          <ul className="divide-y divide-line">
            {invites.map((invite) => (
              <li key={invite.id.toString()} className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium break-all">{invite.email}</span>
                    <StatusBadge tone="brand">{sourceLabel[invite.source]}</StatusBadge>
                    {invite.isExpired ? <StatusBadge>Expired</StatusBadge> : null}
                  </p>
                  <p className="mt-1 text-sm text-ink-soft">
                    {invite.invitedBy ? `By ${invite.invitedBy} · ` : ""}sent {formatDate(invite.createdAt)} · expires {formatDate(invite.expiresAt)}
                  </p>
                </div>
                <ActionButton
                  action={revokeInviteAction}
                  fields={{ inviteId: invite.id.toString() }}
                  label="Revoke"
                  pendingLabel="Revoking…"
                  variant="danger"
                  ariaLabel={`Revoke the invite for ${invite.email}`}
                  className="sm:w-28"
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
