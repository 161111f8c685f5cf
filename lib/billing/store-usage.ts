import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import type { MeterRecord } from "./meter-record";
import type { Carry, RecordCost } from "./rate-records";
import { RESOURCES } from "./resources";

export type StoreUsageOptions = {
  accepted: MeterRecord[];
  hashes: Map<string, string>;
  costs: Map<string, RecordCost>;
  transferByAccount: Map<string, bigint>;
  carries: Carry[];
  /** `account|space` → space id, from ensureSpaces. */
  spaceIds: Map<string, bigint>;
};

// Column lists of usage_hours, one units and one cost column per resource (constants, not input). Each
// arrives as one bigint[] parameter: unnest of arrays costs Postgres a fraction of jsonb_to_recordset.
const allColumns = [...RESOURCES, ...RESOURCES.map((resource) => `${resource}_cost`)];
const insertColumns = sql.raw(allColumns.join(", "));
const addOnConflict = sql.raw(
  allColumns.map((column) => `${column} = usage_hours.${column} + excluded.${column}`).join(", "),
);

/**
 * Stores the accepted records (their ids under UNIQUE keys, in the caller's transaction), adds their
 * units and billed cost to the hour's row of each space (one wide row per account, space and hour), and
 * writes back the moved rating carries: one statement, one round trip, for the whole batch.
 */
export async function storeUsage(tx: Transaction, options: StoreUsageOptions): Promise<void> {
  const { spaceIds } = options;
  const records = { id: [] as string[], account: [] as string[], space: [] as bigint[], hour: [] as string[] };
  const hashes: string[] = [];
  const costs: bigint[] = [];
  const transfers: Array<bigint | null> = [];
  const hours = new Map<string, { account: string; space: bigint; hour: string; sums: bigint[] }>();
  for (const record of options.accepted) {
    const cost = options.costs.get(record.id)!;
    const space = spaceIds.get(`${record.account}|${record.space}`)!;
    const hour = record.hour.toISOString();
    records.id.push(record.id);
    records.account.push(record.account);
    records.space.push(space);
    records.hour.push(hour);
    hashes.push(options.hashes.get(record.id)!);
    costs.push(cost.total);
    transfers.push(options.transferByAccount.get(record.account) ?? null);

    const key = `${record.account}|${space}|${hour}`;
    let row = hours.get(key);
    if (!row) {
      row = { account: record.account, space, hour, sums: allColumns.map(() => 0n) };
      hours.set(key, row);
    }
    for (const line of cost.lines) {
      const index = RESOURCES.indexOf(line.resource);
      row.sums[index]! += line.units;
      row.sums[RESOURCES.length + index]! += line.micros;
    }
  }
  const hourRows = [...hours.values()];
  const sums = allColumns.map((_, column) => sql.param(hourRows.map((row) => row.sums[column]!)));
  const carries = options.carries;
  await tx.execute(sql`
    with meter as (
      insert into meter_records (id, account_id, space_id, hour, payload_hash, cost_micros, transfer_id)
      select * from unnest(${sql.param(records.id)}::text[], ${sql.param(records.account)}::text[],
        ${sql.param(records.space)}::bigint[], ${sql.param(records.hour)}::timestamptz[], ${sql.param(hashes)}::text[],
        ${sql.param(costs)}::bigint[], ${sql.param(transfers)}::bigint[])
    ), remainders as (
      insert into rating_remainders (account_id, resource, card_id, numerator)
      select * from unnest(${sql.param(carries.map((carry) => carry.accountId))}::text[],
        ${sql.param(carries.map((carry) => carry.resource))}::text[], ${sql.param(carries.map((carry) => carry.cardId))}::int[],
        ${sql.param(carries.map((carry) => carry.numerator))}::bigint[])
      on conflict (account_id, resource, card_id) do update set numerator = excluded.numerator
    )
    insert into usage_hours (account_id, space_id, hour, ${insertColumns})
    select * from unnest(${sql.param(hourRows.map((row) => row.account))}::text[],
      ${sql.param(hourRows.map((row) => row.space))}::bigint[], ${sql.param(hourRows.map((row) => row.hour))}::timestamptz[],
      ${sql.join(sums.map((param) => sql`${param}::bigint[]`), sql`, `)})
    on conflict (account_id, hour, space_id) do update set ${addOnConflict}`);
}
