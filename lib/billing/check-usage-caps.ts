import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { textArrayLiteral, integerArrayLiteral } from "@/lib/db/array-literal";
import { AppError } from "@/lib/errors";
import { plus, type ExactSum } from "./exact-sum";
import type { MeterRecord } from "./meter-record";
import { formatMicros } from "./rate-units";
import { RESOURCES } from "./resources";
import type { HourRows } from "./store-usage";
import { MAX_ACCOUNT_HOUR_MICROS, MAX_SPACE_HOUR_UNITS } from "./usage-caps";

// The caps of usage-caps.ts are totals over every batch ever stored. Postgres holds them: CHECK
// constraints on usage_hours and usage_account_hours (migration 0024), so ingestion's fast path reads no
// totals, and a batch that would pass a cap fails its store statement and rolls back whole; two racing
// batches write one after the other (the account locks), the second against what the first stored.
// The failure says only which table refused, so ingestUsage writes the batch again with the totals
// read (below), which names the record, resource and hour the answer reports.

/** The CHECK constraints that hold the caps (lib/db/schema, migration 0024). */
const CAP_CONSTRAINTS = new Set(["usage_hours_space_hour_units_cap", "usage_account_hours_cost_cap"]);

/**
 * Whether a failed ingestion transaction failed on a usage cap: a CHECK constraint of CAP_CONSTRAINTS
 * (23514), or a sum past bigint (22003: numeric value out of range), which only usage past the caps can
 * reach (the ledger's amounts and balances are sums of capped hours).
 */
export function isUsageCapFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === "object" && !seen.has(current); ) {
    seen.add(current);
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === "22003") return true;
    if (code === "23514") return typeof constraint === "string" && CAP_CONSTRAINTS.has(constraint);
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The answer for a batch that failed on a cap although the stored totals read for it passed the
 * checks below (a total changed in between, or a sum the checks do not see): still a 422, never a 500.
 */
export function usageLimitErrorFrom(cause: unknown): AppError {
  return new AppError("usage_limit_exceeded", {
    message: `This batch would take a space's units of a resource for an hour past ${MAX_SPACE_HOUR_UNITS}, or an account's cost for an hour past ${formatMicros(MAX_ACCOUNT_HOUR_MICROS)} (all records and batches). Nothing was stored.`,
    details: { space_hour_units_limit: MAX_SPACE_HOUR_UNITS.toString(), account_hour_micros_limit: MAX_ACCOUNT_HOUR_MICROS.toString() },
    cause,
  });
}

/** The stored totals of the hours a batch touches, keyed like HourRows (`account|space id|hour ISO`). */
export type StoredTotals = { spaceHours: Map<string, ExactSum[]>; accountHours: Map<string, ExactSum> };

type Keys = { spaceHours: string[]; accountHours: string[]; sql: { spaceHours: SQL; accountHours: SQL } };

/** Two subqueries (json arrays) reading the stored totals of the records' space-hours and account-hours. */
export function storedTotalsQuery(records: MeterRecord[], spaceIds: Map<string, bigint>): Keys {
  const spaceHours = new Map<string, [string, bigint, string]>();
  const accountHours = new Map<string, [string, string]>();
  for (const record of records) {
    const hour = record.hour.toISOString();
    const space = spaceIds.get(`${record.account}|${record.space}`)!;
    spaceHours.set(`${record.account}|${space}|${hour}`, [record.account, space, hour]);
    accountHours.set(`${record.account}|${hour}`, [record.account, hour]);
  }
  const sh = [...spaceHours.values()];
  const ah = [...accountHours.values()];
  const units = sql.raw(RESOURCES.map((resource) => `h.${resource}::text`).join(", "));
  return {
    spaceHours: [...spaceHours.keys()],
    accountHours: [...accountHours.keys()],
    sql: {
      spaceHours: sql`(select coalesce(json_agg(json_build_array(k.n, ${units})), '[]')
        from unnest(${textArrayLiteral(sh.map((key) => key[0]))}::text[], ${integerArrayLiteral(sh.map((key) => key[1]))}::bigint[],
          ${textArrayLiteral(sh.map((key) => key[2]))}::timestamptz[]) with ordinality as k(account_id, space_id, hour, n)
        join usage_hours h on h.account_id = k.account_id and h.hour = k.hour and h.space_id = k.space_id)`,
      accountHours: sql`(select coalesce(json_agg(json_build_array(k.n, a.cost_micros::text)), '[]')
        from unnest(${textArrayLiteral(ah.map((key) => key[0]))}::text[], ${textArrayLiteral(ah.map((key) => key[1]))}::timestamptz[])
          with ordinality as k(account_id, hour, n)
        join usage_account_hours a on a.account_id = k.account_id and a.hour = k.hour)`,
    },
  };
}

/** The rows the two subqueries returned (`[ordinality, ...values]`), keyed back. */
export function storedTotalsFrom(
  keys: Pick<Keys, "spaceHours" | "accountHours">,
  rows: { spaceHours: Array<[number, ...string[]]>; accountHours: Array<[number, string]> },
): StoredTotals {
  return {
    spaceHours: new Map(rows.spaceHours.map(([n, ...units]) => [keys.spaceHours[n - 1]!, units.map(exact)])),
    accountHours: new Map(rows.accountHours.map(([n, cost]) => [keys.accountHours[n - 1]!, exact(cost)])),
  };
}

/** A stored decimal as a number while it is a safe integer (every real total), else a bigint. */
function exact(text: string): ExactSum {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : BigInt(text);
}

// Both caps are exact as doubles (10^16 and 10^13), so a number total compares without a bigint.
const isOver = (total: ExactSum, cap: bigint) => (typeof total === "number" ? total > Number(cap) : total > cap);

type CheckOptions = {
  /** The records about to be stored, in order, and the batches they came from (to name the record). */
  accepted: MeterRecord[];
  /** Each accepted record's billed micros, in the same order. */
  costs: ExactSum[];
  batches: Array<{ records: MeterRecord[] }>;
  /** The accepted records' rated sums by space-hour. */
  hours: HourRows;
  stored: StoredTotals;
};

function recordIndex(batches: CheckOptions["batches"], record: MeterRecord): number {
  for (const batch of batches) {
    const index = batch.records.indexOf(record);
    if (index >= 0) return index;
  }
  return -1;
}

/**
 * Refuses (422 `usage_limit_exceeded`) records that would take a space-hour's units of a resource past
 * MAX_SPACE_HOUR_UNITS, or an account-hour's cost past MAX_ACCOUNT_HOUR_MICROS, counting what is
 * stored already; names the first such record. Runs after rating and before anything is written, when
 * ingestion names a cap failure (the constraints hold the caps either way).
 */
export function refuseOverCapsOrThrow({ accepted, costs, batches, hours, stored }: CheckOptions): void {
  // What this batch adds to each account-hour; hours it adds nothing to are never refused, so a total
  // stored before the caps existed cannot block a free record.
  const added = new Map<string, ExactSum>();
  for (const [key, row] of hours.rows) {
    const accountHour = `${row.account}|${row.start}`;
    let cost = added.get(accountHour) ?? 0;
    for (const micros of row.sums.micros) if (micros !== undefined) cost = plus(cost, micros);
    added.set(accountHour, cost);
    const before = stored.spaceHours.get(key);
    RESOURCES.forEach((resource, index) => {
      const units = row.sums.units[index] ?? 0;
      if (units === 0 || units === 0n) return;
      const total = plus(before?.[index] ?? 0, units);
      if (!isOver(total, MAX_SPACE_HOUR_UNITS)) return;
      const record = accepted.find(
        (item) =>
          item.account === row.account &&
          hours.spaceOf(item) === row.space &&
          hours.isoOf(item.hour) === row.start &&
          Number(item.usage[resource]) > 0,
      )!;
      const at = recordIndex(batches, record);
      throw new AppError("usage_limit_exceeded", {
        message: `Record ${at} (${record.id}): ${resource} of space ${record.space} for ${row.start} would add up to ${total}, over the cap of ${MAX_SPACE_HOUR_UNITS} per space per hour (all records and batches). Nothing was stored.`,
        details: {
          record: at,
          id: record.id,
          space: record.space,
          hour: row.start,
          resource,
          units: total.toString(),
          limit: MAX_SPACE_HOUR_UNITS.toString(),
        },
      });
    });
  }
  for (const [accountHour, batchCost] of added) {
    if (batchCost === 0 || batchCost === 0n) continue;
    const cost = plus(stored.accountHours.get(accountHour) ?? 0, batchCost);
    if (!isOver(cost, MAX_ACCOUNT_HOUR_MICROS)) continue;
    const [account, hour] = accountHour.split("|") as [string, string];
    const index = accepted.findIndex(
      (item, at) => item.account === account && hours.isoOf(item.hour) === hour && Number(costs[at]) > 0,
    );
    const record = accepted[index]!;
    const at = recordIndex(batches, record);
    throw new AppError("usage_limit_exceeded", {
      message: `Record ${at} (${record.id}): usage of account ${account} for ${hour} would cost ${formatMicros(BigInt(cost))}, over the cap of ${formatMicros(MAX_ACCOUNT_HOUR_MICROS)} per account per hour (all spaces, records and batches). Nothing was stored.`,
      details: {
        record: at,
        id: record.id,
        hour,
        cost_micros: String(cost),
        limit: MAX_ACCOUNT_HOUR_MICROS.toString(),
      },
    });
  }
}
