import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EmptyState } from "@/components/account/empty-state";
import { formatDate } from "@/components/account/formats";
import { AccountPage, PageHeader, Panel } from "@/components/account/page-header";
import { getSpaceCosts } from "@/lib/account/get-space-costs";
import { getCurrentSession } from "@/lib/auth/get-current-session";
import { formatMicros } from "@/lib/billing/rate-units";
import { getDb } from "@/lib/db/client";
import { noBillingAccountPage } from "@/components/account/no-billing-account";

export const metadata: Metadata = { title: "Spaces" };

function percent(permille: bigint): string {
  return `${permille / 10n}.${permille % 10n}%`;
}

export default async function SpacesPage() {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  const withoutAccount = await noBillingAccountPage(getDb(), session);
  if (withoutAccount) return withoutAccount;
  const costs = await getSpaceCosts(getDb(), session);
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
            <ul className="divide-line divide-y" data-testid="spaces">
              {costs.spaces.map((space) => (
                <li key={space.name} className="py-3" data-testid="space-row">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                    <span className="min-w-0 truncate font-medium">{space.name}</span>
                    <span className="text-sm tabular-nums">
                      <span className="font-semibold" data-testid="space-cost">
                        {formatMicros(space.costMicros, { decimals: 6 })}
                      </span>
                      <span className="text-ink-soft ml-2">{percent(space.sharePermille)}</span>
                    </span>
                  </div>
                  <div className="bg-line mt-2 h-2 rounded-full" aria-hidden="true">
                    <div
                      className="bg-brand h-2 rounded-full"
                      style={{ width: `${Number(space.sharePermille) / 10}%` }}
                    />
                  </div>
                  <p className="text-ink-soft mt-1 text-xs">Since {formatDate(space.createdAt)}</p>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </AccountPage>
  );
}
