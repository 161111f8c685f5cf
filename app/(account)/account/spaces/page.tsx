import type { Metadata } from "next";
import Link from "next/link";
import { BrowserTimeZone } from "@/components/account/browser-time-zone";
import { EmptyState } from "@/components/account/empty-state";
import { RESOURCE_LABELS, formatDate } from "@/components/account/formats";
import { AccountPage, PageHeader, Panel } from "@/components/account/page-header";
import { SpaceRows } from "@/components/account/space-rows";
import { getSpaceCosts } from "@/lib/account/get-space-costs";
import { exactTitle, formatCents } from "@/lib/format/money";
import { NoBillingAccountPage } from "@/components/account/no-billing-account";
import { getPageTimeZone } from "../page-time-zone";
import { requireAccountPage } from "../require-account-page";

export const metadata: Metadata = { title: "Spaces" };

function percent(permille: bigint): string {
  return `${permille / 10n}.${permille % 10n}%`;
}

const amount = (micros: bigint) => ({ text: formatCents(micros), title: exactTitle(micros) });

export default async function SpacesPage() {
  const { session, db, account, isOperator } = await requireAccountPage({ billingAccount: "read" });
  if (!account) return <NoBillingAccountPage isOperator={isOperator} />;
  const [costs, zone] = await Promise.all([getSpaceCosts(db, session), getPageTimeZone(db, session)]);
  return (
    <AccountPage>
      <BrowserTimeZone shownTimeZone={zone.timeZone} isChosen={zone.isChosen} />
      <PageHeader
        title="Spaces"
        description={`Each deployed app and what it cost since ${formatDate(costs.monthStart)} (the month starts at 00:00 UTC), by resource, with its share of this month's ${formatCents(costs.totalMicros)}.`}
      />
      <div className="mt-8">
        <Panel id="spaces-heading" title="This month by space">
          {costs.spaces.length === 0 ? (
            <EmptyState title="No spaces yet">
              A space appears the first time your platform host reports usage for it.{" "}
              <Link href="/account/usage" className="text-brand font-semibold underline">
                Usage
              </Link>{" "}
              shows it by the hour.
            </EmptyState>
          ) : (
            <SpaceRows
              rows={costs.spaces.map((space) => ({
                name: space.name,
                cost: amount(space.costMicros),
                share: percent(space.sharePermille),
                barWidth: `${Number(space.sharePermille) / 10}%`,
                since: formatDate(space.createdAt, zone.timeZone),
                byResource: space.byResource.map((entry) => ({ name: RESOURCE_LABELS[entry.resource].name, cost: amount(entry.costMicros) })),
                usageHref: `/account/usage?${new URLSearchParams({ range: "mtd", group: "space", space: space.name }).toString()}`,
              }))}
            />
          )}
        </Panel>
      </div>
    </AccountPage>
  );
}
