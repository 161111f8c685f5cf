import Link from "next/link";
import { AdminPage } from "@/components/admin/admin-page";
import { NeedsAttention, attentionItemsOf } from "@/components/admin/needs-attention";
import { SettingsForm } from "@/components/admin/settings-form";
import { countPendingApprovals } from "@/lib/admin/count-pending-approvals";
import { getAdminOverview } from "@/lib/admin/get-admin-overview";
import { getDb } from "@/lib/db/client";
import { formatGrantForForm } from "@/lib/settings/promotional-grant";
import { updateLaunchSettingsAction } from "./actions";
import { requireAdminPage } from "./require-admin-page";
import { adminMetadata } from "./admin-metadata";

export const generateMetadata = adminMetadata({ title: "Overview" });

export default async function AdminOverviewPage() {
  const session = await requireAdminPage();
  const [overview, pendingApprovals] = await Promise.all([getAdminOverview(getDb(), session), countPendingApprovals(getDb(), session)]);
  const figures = [
    { label: "Accounts", value: `${overview.accounts.toLocaleString("en-US")} / ${overview.settings.accountCap.toLocaleString("en-US")}`, href: undefined },
    { label: "Waiting", value: overview.waiting.toLocaleString("en-US"), href: "/admin/waitlist" },
    { label: "Pending invites", value: overview.pendingInvites.toLocaleString("en-US"), href: "/admin/invites" },
    { label: "Live codes", value: overview.liveCodes.toLocaleString("en-US"), href: "/admin/codes" },
  ];
  const attentionItems = attentionItemsOf(overview.attention, pendingApprovals);
  return (
    <AdminPage title="Overview" lead="What needs you today, who is waiting, who is invited, and how open the preview is.">
      <NeedsAttention items={attentionItems} />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-2xl border border-line bg-paper p-5">
            <dt className="text-sm text-ink-soft">{figure.label}</dt>
            <dd className="mt-1 text-2xl font-bold tracking-tight tabular-nums">
              {figure.href ? (
                <Link href={figure.href} className="hover:text-brand">
                  {figure.value}
                </Link>
              ) : (
                figure.value
              )}
            </dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="settings-heading" className="rounded-2xl border border-line bg-paper p-6">
        <h2 id="settings-heading" className="text-base font-semibold">Launch settings</h2>
        <p className="mt-1 mb-5 text-sm text-ink-soft">Changes apply at once and are written to the audit log.</p>
        <SettingsForm
          action={updateLaunchSettingsAction}
          initial={{ ...overview.settings, promotionalGrant: formatGrantForForm(overview.settings.promotionalGrantMicros) }}
        />
      </section>
    </AdminPage>
  );
}
