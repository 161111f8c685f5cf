import "server-only";
import { and, desc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import {
  accountClosures,
  accountFreezes,
  billingAccounts,
  ledgerAccounts,
  stripeCustomers,
  usageAccountHours,
  users,
} from "@/lib/db/schema";
import type { StandingState } from "@/lib/ledger/standing";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import { ACCOUNT_SEARCH_PAGE_SIZE, type AccountSearchQuery } from "./account-search-schema";

export type AccountListRow = {
  accountId: string;
  email: string | null;
  name: string | null;
  state: StandingState;
  isClosed: boolean;
  /** An operator's freeze is in force (lib/account-controls). */
  isHeld: boolean;
  balanceMicros: bigint;
  monthToDateMicros: bigint;
  lastUsageAt: Date | null;
  createdAt: Date;
};

export type AccountSearchPage = { rows: AccountListRow[]; page: number; hasNext: boolean };

/** `%`, `_` and `\` match themselves in the search box, not as LIKE wildcards. */
function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function matches(q: string): SQL {
  // Ids match exactly; email and name anywhere in them, any case. Where lower(email) starts with the
  // text, user_email_lower_idx could serve; "contains" reads every account, fine at launch scale.
  return or(
    eq(billingAccounts.id, q),
    sql`exists (select 1 from ${stripeCustomers} where ${stripeCustomers.billingAccountId} = ${billingAccounts.id} and ${stripeCustomers.stripeCustomerId} = ${q})`,
    sql`lower(${users.email}) like ${likeContains(q)}`,
    sql`lower(${users.name}) like ${likeContains(q)}`,
  )!;
}

function standingIs(standing: AccountSearchQuery["standing"]): SQL | undefined {
  if (standing === undefined) return undefined;
  if (standing === "closed") return isNotNull(accountClosures.accountId);
  // A closed account is also `frozen`; the filter keeps the two apart.
  return and(eq(billingAccounts.state, standing), isNull(accountClosures.accountId));
}

/**
 * The operator's account list (/admin/accounts): newest accounts first, 50 a page, narrowed by one
 * search box (account id, Stripe customer id, email or name) and a standing. Operators only.
 */
export async function searchAccounts(
  db: Queryable,
  session: AppSession | null,
  query: AccountSearchQuery,
  now = new Date(),
): Promise<AccountSearchPage> {
  requireAdmin(session);
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const rows = await db
    .select({
      accountId: billingAccounts.id,
      email: users.email,
      name: users.name,
      state: billingAccounts.state,
      closedAt: accountClosures.closedAt,
      isHeld: sql<boolean>`exists (select 1 from ${accountFreezes} where ${accountFreezes.accountId} = ${billingAccounts.id})`,
      balanceMicros: ledgerAccounts.balanceMicros,
      // Both from usage_account_hours' primary key (account, hour): a range sum and a max, per row shown.
      monthToDateMicros: sql<string>`(select coalesce(sum(${usageAccountHours.costMicros}), 0) from ${usageAccountHours}
        where ${usageAccountHours.accountId} = ${billingAccounts.id} and ${usageAccountHours.hour} >= ${monthStart.toISOString()}::timestamptz)::text`,
      lastUsageAt: sql<
        string | null
      >`(select max(${usageAccountHours.hour}) from ${usageAccountHours} where ${usageAccountHours.accountId} = ${billingAccounts.id})`,
      createdAt: billingAccounts.createdAt,
    })
    .from(billingAccounts)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.billingAccountId, billingAccounts.id))
    .innerJoin(users, eq(users.id, billingAccounts.ownerUserId))
    .leftJoin(accountClosures, eq(accountClosures.accountId, billingAccounts.id))
    .where(and(query.q === undefined ? undefined : matches(query.q), standingIs(query.standing)))
    .orderBy(desc(billingAccounts.createdAt), desc(billingAccounts.id))
    // One more than a page: whether a next page exists, without counting every match.
    .limit(ACCOUNT_SEARCH_PAGE_SIZE + 1)
    .offset((query.page - 1) * ACCOUNT_SEARCH_PAGE_SIZE);
  return {
    page: query.page,
    hasNext: rows.length > ACCOUNT_SEARCH_PAGE_SIZE,
    rows: rows.slice(0, ACCOUNT_SEARCH_PAGE_SIZE).map((row) => ({
      accountId: row.accountId,
      email: row.email,
      name: row.name,
      state: row.state,
      isClosed: row.closedAt !== null,
      isHeld: row.isHeld,
      balanceMicros: row.balanceMicros ?? 0n,
      monthToDateMicros: BigInt(row.monthToDateMicros),
      lastUsageAt: row.lastUsageAt === null ? null : new Date(row.lastUsageAt),
      createdAt: row.createdAt,
    })),
  };
}
