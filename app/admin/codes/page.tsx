import { AdminListRow } from "@/components/admin/admin-list-row";
import { AdminPage } from "@/components/admin/admin-page";
import { CreateCodeForm } from "@/components/admin/create-code-form";
import { formatDate } from "@/components/admin/format";
import { RevokeButton } from "@/components/admin/revoke-button";
import { StatusBadge } from "@/components/admin/status-badge";
import { CodeRedemptionList } from "@/components/admin/code-redemption-list";
import { listInviteCodeRedemptions } from "@/lib/admin/list-invite-code-redemptions";
import { getDb } from "@/lib/db/client";
import { listInviteCodes, type InviteCodeRow } from "@/lib/invites/manage-invite-codes";
import { requireAdminPage } from "../require-admin-page";
import { createInviteCodeAction, revokeInviteCodeAction } from "./actions";
import { adminMetadata } from "../admin-metadata";

export const generateMetadata = adminMetadata({ title: "Invite codes" });

function codeState(code: InviteCodeRow) {
  if (code.revokedAt) return { label: "Revoked", tone: "bad" } as const;
  if (code.isExpired) return { label: "Expired", tone: "neutral" } as const;
  if (code.usesLeft === 0) return { label: "Used up", tone: "neutral" } as const;
  return { label: "Live", tone: "good" } as const;
}

export default async function AdminCodesPage() {
  const session = await requireAdminPage();
  const codes = await listInviteCodes(getDb(), session);
  const redemptions = await listInviteCodeRedemptions(getDb(), session, codes.map((code) => code.id));
  return (
    <AdminPage title="Invite codes" lead="Hand a code out at a talk or in a newsletter: each use makes an invite for the email it is redeemed with.">
      <section aria-labelledby="new-code-heading" className="rounded-2xl border border-line bg-paper p-6">
        <h2 id="new-code-heading" className="mb-5 text-base font-semibold">New code</h2>
        <CreateCodeForm action={createInviteCodeAction} />
      </section>
      <section aria-labelledby="codes-heading" className="rounded-2xl border border-line bg-paper">
        <h2 id="codes-heading" className="px-6 pt-6 text-base font-semibold">All codes</h2>
        {codes.length === 0 ? (
          <p className="px-6 pt-2 pb-6 text-sm text-ink-soft">No codes yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-line border-t border-line">
            {codes.map((code) => {
              const state = codeState(code);
              return (
                <AdminListRow
                  key={code.id.toString()}
                  testId="invite-code-row"
                  heading={
                    <>
                      <span className="font-medium">{code.note ?? `Code #${code.id}`}</span>
                      <StatusBadge tone={state.tone}>{state.label}</StatusBadge>
                    </>
                  }
                  details={
                    <>
                      {code.usesLeft} {code.usesLeft === 1 ? "use" : "uses"} left · expires {formatDate(code.expiresAt)} · created {formatDate(code.createdAt)}
                    </>
                  }
                  more={<CodeRedemptionList redemptions={redemptions.get(code.id.toString())} />}
                  action={
                    state.label === "Live" ? (
                      <RevokeButton action={revokeInviteCodeAction} fields={{ codeId: code.id.toString() }} ariaLabel={`Revoke ${code.note ?? `code #${code.id}`}`} />
                    ) : null
                  }
                />
              );
            })}
          </ul>
        )}
      </section>
    </AdminPage>
  );
}
