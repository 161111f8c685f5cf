import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/account/empty-state";
import { formatDate } from "@/components/account/formats";
import { AccountPage, PageHeader, Panel } from "@/components/account/page-header";
import { SpaceRows } from "@/components/account/space-rows";
import { getSpaceCosts } from "@/lib/account/get-space-costs";
import { formatMicros } from "@/lib/billing/rate-units";
import { NoBillingAccountPage } from "@/components/account/no-billing-account";
import { requireAccountPage } from "../require-account-page";

export const metadata: Metadata = { title: "Spaces" };

function percent(permille: bigint): string {
  return `${permille / 10n}.${permille % 10n}%`;
}

export default async function SpacesPage() {
  const { session, db, account, isOperator } = await requireAccountPage({ billingAccount: "read" });
  if (!account) return <NoBillingAccountPage isOperator={isOperator} />;
  const costs = await getSpaceCosts(db, session);
  return (
    <AccountPage>
      <PageHeader
        title="Spaces"
        description={`Each deployed app and what it cost since ${formatDate(costs.monthStart)} (UTC), with its share of this month's ${formatMicros(costs.totalMicros)}.`}
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
                cost: formatMicros(space.costMicros, { decimals: 6 }),
                share: percent(space.sharePermille),
                barWidth: `${Number(space.sharePermille) / 10}%`,
                since: formatDate(space.createdAt),
              }))}
            />
          )}
        </Panel>
      </div>
    </AccountPage>
  );
}
