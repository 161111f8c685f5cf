import "server-only";
import { getAccountSummary, type AccountSummary } from "./get-account-summary";
import type { AppSession } from "@/lib/session/app-session";
import type { Database } from "@/lib/db/client";
import { getLogger } from "@/lib/observability/logger";
import { getAutoRechargeState, type AutoRechargeState } from "@/lib/payments/auto-recharge-settings";
import { listAutoRecharges, type AutoRechargeRow } from "@/lib/payments/list-auto-recharges";
import { listTopUps, type TopUpRow } from "@/lib/payments/list-top-ups";
import { getSavedCard, type SavedCard } from "@/lib/payments/saved-card";

export type BillingOverview = {
  billing: AccountSummary["billing"];
  topUps: TopUpRow[];
  autoRecharge: AutoRechargeState | null;
  recharges: AutoRechargeRow[];
  /** The saved card; null when there is none, "unavailable" when Stripe could not be asked. */
  card: SavedCard | null | "unavailable";
};

/** The billing page's data, for the session's own account only. */
export async function getBillingOverview(db: Database, session: AppSession): Promise<BillingOverview> {
  const { billing } = await getAccountSummary(db, session);
  if (!billing) return { billing, topUps: [], autoRecharge: null, recharges: [], card: null };
  const [topUps, autoRecharge, recharges, card] = await Promise.all([
    listTopUps(db, billing.accountId),
    getAutoRechargeState(db, billing.accountId),
    listAutoRecharges(db, billing.accountId),
    getSavedCard(db, billing).catch((error: unknown) => {
      getLogger().warn({ err: error, account: billing.accountId }, "could not read the saved card from Stripe");
      return "unavailable" as const;
    }),
  ]);
  return { billing, topUps, autoRecharge, recharges, card };
}
