import "server-only";
import { getAccountSummary, type AccountSummary } from "@/lib/account/get-account-summary";
import type { AppSession } from "@/lib/auth/app-session";
import type { Queryable } from "@/lib/db/client";
import { listTopUps, type TopUpRow } from "./list-top-ups";

export type BillingOverview = { billing: AccountSummary["billing"]; topUps: TopUpRow[] };

/** The billing page's data, for the session's own account only. */
export async function getBillingOverview(db: Queryable, session: AppSession): Promise<BillingOverview> {
  const { billing } = await getAccountSummary(db, session);
  return { billing, topUps: billing ? await listTopUps(db, billing.accountId) : [] };
}
