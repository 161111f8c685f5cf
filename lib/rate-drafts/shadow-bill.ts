import "server-only";
import { sql } from "drizzle-orm";
import type { RateCardEntryInput } from "@/lib/billing/publish-rate-card";
import { rateUnits } from "@/lib/billing/rate-units";
import { RESOURCES, type Resource } from "@/lib/billing/resources";
import type { Queryable } from "@/lib/db/client";

/** How many accounts with the largest change a shadow bill lists. */
export const SHADOW_BILL_LIST = 20;

export type ShadowBillAccount = {
  accountId: string;
  email: string | null;
  billedMicros: bigint;
  shadowMicros: bigint;
  changeMicros: bigint;
};

export type ShadowBill = {
  /** The period re-rated: [from, to), whole UTC days. */
  from: Date;
  to: Date;
  accounts: number;
  billedMicros: bigint;
  shadowMicros: bigint;
  /** The SHADOW_BILL_LIST accounts whose bill changes most (either way), largest first. */
  largestChanges: ShadowBillAccount[];
};

/** The previous calendar month in UTC of `now`: [first of last month, first of this month). */
export function previousMonth(now: Date): { from: Date; to: Date } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return { from: new Date(Date.UTC(year, month - 1, 1)), to: new Date(Date.UTC(year, month, 1)) };
}

// `sum(bigint)` is numeric in Postgres: exact, read as text into bigint.
const unitSums = sql.join(
  RESOURCES.map((resource) => sql`sum(d.${sql.identifier(resource)})::text as ${sql.identifier(resource)}`),
  sql`, `,
);
const billedSum = sql.join(
  RESOURCES.map((resource) => sql`d.${sql.identifier(`${resource}_cost`)}`),
  sql` + `,
);

/**
 * What the period's real usage would have cost every account on `entries`, against what it was billed.
 *
 * Fast for thousands of accounts: Postgres sums the units per account and resource (from usage_days,
 * usage_hours summed by UTC day and kept equal to it in ingestion's own statement: a month is ~24×
 * fewer rows to read), and only those sums are rated here, one rateUnits per account and resource.
 *
 * Why rating the sums equals rating every hour: the ledger rates each record with rateUnits, carrying
 * the remainder (a numerator over per_units) per account, resource and card to the next record. With
 * a carry c, rating u units bills floor((u·p + c) / q) and carries (u·p + c) mod q, so the micros billed
 * plus the carry over q always equal the exact price of everything rated: over a month on one card,
 * starting from no carry, the hours bill exactly floor((Σu)·p / q), which is rateUnits of the sum. The
 * draft is one card for the whole month, so the account's shadow bill is that, summed over resources.
 * (The real bill started the month with the carry left by earlier usage, under a micro-dollar per
 * resource; the comparison is to the micro-dollar what the draft changes. tests/integration/admin-rates
 * checks the equality against rateRecords, hour by hour.)
 */
export async function shadowBill(
  db: Queryable,
  entries: RateCardEntryInput[],
  period: { from: Date; to: Date },
): Promise<ShadowBill> {
  const rows = await db.execute<
    Record<Resource, string> & { account_id: string; email: string | null; billed: string }
  >(sql`
    select d.account_id, u.email, sum(${billedSum})::text as billed, ${unitSums}
    from usage_days d
    left join billing_accounts b on b.id = d.account_id
    left join "user" u on u.id = b.owner_user_id
    where d.day >= ${period.from.toISOString()}::timestamptz and d.day < ${period.to.toISOString()}::timestamptz
    group by d.account_id, u.email`);
  const prices = RESOURCES.map((resource) => {
    const entry = entries.find((candidate) => candidate.resource === resource);
    if (!entry) throw new RangeError(`the card has no price for ${resource}`);
    return entry;
  });
  let billedMicros = 0n;
  let shadowMicros = 0n;
  const accounts: ShadowBillAccount[] = rows.rows.map((row) => {
    let shadow = 0n;
    RESOURCES.forEach((resource, index) => {
      shadow += rateUnits(prices[index]!, BigInt(row[resource]), 0n).micros;
    });
    const billed = BigInt(row.billed);
    billedMicros += billed;
    shadowMicros += shadow;
    return {
      accountId: row.account_id,
      email: row.email,
      billedMicros: billed,
      shadowMicros: shadow,
      changeMicros: shadow - billed,
    };
  });
  const size = (value: bigint) => (value < 0n ? -value : value);
  accounts.sort((a, b) => {
    const bySize = size(b.changeMicros) - size(a.changeMicros);
    return bySize > 0n ? 1 : bySize < 0n ? -1 : a.accountId.localeCompare(b.accountId);
  });
  return {
    ...period,
    accounts: accounts.length,
    billedMicros,
    shadowMicros,
    largestChanges: accounts.slice(0, SHADOW_BILL_LIST),
  };
}
