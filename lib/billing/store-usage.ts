import "server-only";
import { sql } from "drizzle-orm";
import { integerArrayLiteral, textArrayLiteral } from "@/lib/db/array-literal";
import type { Transaction } from "@/lib/db/client";
import type { MeterRecord } from "./meter-record";
import { addAt, plus, type ExactSum } from "./exact-sum";
import type { Carry, UsageSums } from "./rate-records";
import { RESOURCES } from "./resources";

export type StoreUsageOptions = {
  accepted: MeterRecord[];
  /** Each accepted record's payload hash, in the same order. */
  hashes: string[];
  /** Each accepted record's billed micros, in the same order. */
  costs: ExactSum[];
  transferByAccount: Map<string, bigint>;
  carries: Carry[];
  /** The accepted records' sums by account, space and hour, from hourRows (filled in by rating). */
  hours: HourRows;
};

// Column lists of usage_hours, one units and one cost column per resource (constants, not input). Each
// arrives as one bigint[] parameter: unnest of arrays costs Postgres a fraction of jsonb_to_recordset.
const allColumns = [...RESOURCES, ...RESOURCES.map((resource) => `${resource}_cost`)];
const insertColumns = sql.raw(allColumns.join(", "));
const addOnConflict = (table: string) =>
  sql.raw(allColumns.map((column) => `${column} = ${table}.${column} + excluded.${column}`).join(", "));

type SumRow = { account: string; space: bigint; start: string; sums: UsageSums };

export type HourRows = {
  rows: Map<string, SumRow>;
  /** The row a record adds to, created empty on first use (rateRecords' sumsOf). */
  sumsOf: (record: MeterRecord) => UsageSums;
  /** A record's space id. */
  spaceOf: (record: MeterRecord) => bigint;
  /** An hour as the ISO instant stored, formatted once per distinct hour. */
  isoOf: (hour: Date) => string;
};

const emptySums = (): UsageSums => ({ units: RESOURCES.map(() => 0), micros: RESOURCES.map(() => 0) });

/** The hour rows of a batch, one per account, space and hour, for rating to add to and storeUsage to write. */
export function hourRows(spaceIds: Map<string, bigint>): HourRows {
  const rows = new Map<string, SumRow>();
  const isoByHour = new Map<number, string>();
  const isoOf = (hour: Date) => {
    let iso = isoByHour.get(hour.getTime());
    if (iso === undefined) isoByHour.set(hour.getTime(), (iso = hour.toISOString()));
    return iso;
  };
  // account → space name → the space's id and its rows by hour: looked up per record without building
  // a key string each time (a thousand records a batch).
  type SpaceEntry = { id: bigint; byHour: Map<number, SumRow> };
  const spaces = new Map<string, Map<string, SpaceEntry>>();
  const spaceEntry = (record: MeterRecord) => {
    let byName = spaces.get(record.account);
    if (!byName) spaces.set(record.account, (byName = new Map<string, SpaceEntry>()));
    let entry = byName.get(record.space);
    if (!entry) byName.set(record.space, (entry = { id: spaceIds.get(`${record.account}|${record.space}`)!, byHour: new Map<number, SumRow>() }));
    return entry;
  };
  const sumsOf = (record: MeterRecord) => {
    const entry = spaceEntry(record);
    let row = entry.byHour.get(record.hour.getTime());
    if (!row) {
      const start = isoOf(record.hour);
      row = { account: record.account, space: entry.id, start, sums: emptySums() };
      entry.byHour.set(record.hour.getTime(), row);
      rows.set(`${record.account}|${entry.id}|${start}`, row);
    }
    return row.sums;
  };
  return { rows, sumsOf, spaceOf: (record) => spaceEntry(record).id, isoOf };
}

/**
 * The hour rows summed by UTC day, or null when no two of them share a day (the usual batch: one hour),
 * in which case the day rows are the hour rows themselves and Postgres truncates their hours.
 */
function daysOf(hours: Map<string, SumRow>): Map<string, SumRow> | null {
  const days = new Map<string, SumRow>();
  let isShared = false;
  for (const row of hours.values()) {
    // `start` is an ISO instant (toISOString): its first ten characters are its UTC date.
    const key = `${row.account}|${row.space}|${row.start.slice(0, 10)}T00:00:00.000Z`;
    const day = days.get(key);
    if (!day) {
      days.set(key, { ...row, start: key.slice(key.lastIndexOf("|") + 1), sums: { units: [...row.sums.units], micros: [...row.sums.micros] } });
      continue;
    }
    isShared = true;
    RESOURCES.forEach((_, index) => {
      addAt(day.sums.units, index, row.sums.units[index]!);
      addAt(day.sums.micros, index, row.sums.micros[index]!);
    });
  }
  return isShared ? days : null;
}

/** The billed micros of the hour rows by account and hour (usage_account_hours), as array parameters. */
function accountHoursOf(hours: Map<string, SumRow>) {
  const totals = new Map<string, { account: string; start: string; micros: ExactSum }>();
  for (const row of hours.values()) {
    const key = `${row.account}|${row.start}`;
    let total = totals.get(key);
    if (!total) totals.set(key, (total = { account: row.account, start: row.start, micros: 0 }));
    for (const micros of row.sums.micros) total.micros = plus(total.micros, micros);
  }
  const list = [...totals.values()];
  return sql`${textArrayLiteral(list.map((total) => total.account))}::text[], ${textArrayLiteral(list.map((total) => total.start))}::timestamptz[],
    ${integerArrayLiteral(list.map((total) => total.micros))}::bigint[]`;
}

/** The rows as one array parameter per column, for `unnest`. */
function columnsOf(rows: Map<string, SumRow>) {
  const list = [...rows.values()];
  return sql.join(
    [
      sql`${textArrayLiteral(list.map((row) => row.account))}::text[]`,
      sql`${integerArrayLiteral(list.map((row) => row.space))}::bigint[]`,
      sql`${textArrayLiteral(list.map((row) => row.start))}::timestamptz[]`,
      ...RESOURCES.map((_, index) => sql`${integerArrayLiteral(list.map((row) => row.sums.units[index]!))}::bigint[]`),
      ...RESOURCES.map((_, index) => sql`${integerArrayLiteral(list.map((row) => row.sums.micros[index]!))}::bigint[]`),
    ],
    sql`, `,
  );
}

/**
 * Stores the accepted records (their ids under UNIQUE keys, in the caller's transaction), adds their
 * units and billed cost to the hour's row of each space (one wide row per account, space and hour), to
 * its UTC day's row in the usage_days rollup and to the account's hour in usage_account_hours, and
 * writes back the moved rating carries: one statement, one round trip, for the whole batch. usage_hours
 * is written only here, so the rollups are kept here too, from the same sums (migrations 0014 and 0016:
 * no per-statement triggers re-derive them from the changed rows on insert or update).
 */
export async function storeUsage(tx: Transaction, options: StoreUsageOptions): Promise<void> {
  const { hours } = options;
  const records = { id: [] as string[], account: [] as string[], space: [] as bigint[], hour: [] as string[] };
  const transfers: Array<bigint | null> = [];
  for (const record of options.accepted) {
    records.id.push(record.id);
    records.account.push(record.account);
    records.space.push(hours.spaceOf(record));
    records.hour.push(hours.isoOf(record.hour));
    transfers.push(options.transferByAccount.get(record.account) ?? null);
  }
  const carries = options.carries;
  const days = daysOf(hours.rows);
  const dayRows = days
    ? sql`select * from unnest(${columnsOf(days)})`
    : sql`select account_id, space_id, date_trunc('day', hour, 'UTC'), ${insertColumns} from hour_rows`;
  // Raw SQL on a measured hot path: `unnest` of array literals, `npm run bench:ingest` (docs/performance.md#ingestion).
  await tx.execute(sql`
    with meter as (
      insert into meter_records (id, account_id, space_id, hour, payload_hash, cost_micros, transfer_id)
      select * from unnest(${textArrayLiteral(records.id)}::text[], ${textArrayLiteral(records.account)}::text[],
        ${integerArrayLiteral(records.space)}::bigint[], ${textArrayLiteral(records.hour)}::timestamptz[],
        ${textArrayLiteral(options.hashes)}::text[], ${integerArrayLiteral(options.costs)}::bigint[], ${integerArrayLiteral(transfers)}::bigint[])
    ), remainders as (
      insert into rating_remainders (account_id, resource, card_id, numerator)
      select * from unnest(${textArrayLiteral(carries.map((carry) => carry.accountId))}::text[],
        ${textArrayLiteral(carries.map((carry) => carry.resource))}::text[],
        ${integerArrayLiteral(carries.map((carry) => carry.cardId))}::int[],
        ${integerArrayLiteral(carries.map((carry) => carry.numerator))}::bigint[])
      on conflict (account_id, resource, card_id) do update set numerator = excluded.numerator
    ), hour_rows as (
      select * from unnest(${columnsOf(hours.rows)}) as t(account_id, space_id, hour, ${insertColumns})
    ), day_rows as (
      insert into usage_days (account_id, space_id, day, ${insertColumns})
      ${dayRows}
      on conflict (account_id, day, space_id) do update set ${addOnConflict("usage_days")}
    ), account_hour_rows as (
      insert into usage_account_hours (account_id, hour, cost_micros)
      select * from unnest(${accountHoursOf(hours.rows)})
      on conflict (account_id, hour) do update set cost_micros = usage_account_hours.cost_micros + excluded.cost_micros
    )
    insert into usage_hours (account_id, space_id, hour, ${insertColumns})
    select * from hour_rows
    on conflict (account_id, hour, space_id) do update set ${addOnConflict("usage_hours")}`);
}
