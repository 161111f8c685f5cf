import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import type { MeterRecord } from "./meter-record";
import type { RecordCost } from "./rate-records";
import { RESOURCES } from "./resources";

export type StoreUsageOptions = {
  accepted: MeterRecord[];
  hashes: Map<string, string>;
  costs: Map<string, RecordCost>;
  transferByAccount: Map<string, bigint>;
};

// Column lists of usage_hours, one units and one cost column per resource (constants, not input).
const unitColumns = RESOURCES.map((resource) => resource);
const costColumns = RESOURCES.map((resource) => `${resource}_cost`);
const allColumns = [...unitColumns, ...costColumns];
const recordsetColumns = sql.raw(allColumns.map((column) => `${column} bigint`).join(", "));
const insertColumns = sql.raw(allColumns.join(", "));
const addOnConflict = sql.raw(
  allColumns.map((column) => `${column} = usage_hours.${column} + excluded.${column}`).join(", "),
);

/**
 * Stores the accepted records (their ids under UNIQUE keys, in the caller's transaction) and adds their
 * units and billed cost to the hour's row of each space: one wide row per account, space and hour keeps
 * a 1,000-record batch to about a hundred row writes.
 */
export async function storeUsage(tx: Transaction, options: StoreUsageOptions): Promise<void> {
  const records = options.accepted.map((record) => {
    const cost = options.costs.get(record.id)!;
    return {
      id: record.id,
      account_id: record.account,
      space_id: cost.spaceId.toString(),
      hour: record.hour.toISOString(),
      payload_hash: options.hashes.get(record.id),
      cost_micros: cost.total.toString(),
      transfer_id: options.transferByAccount.get(record.account)?.toString() ?? null,
    };
  });
  await tx.execute(sql`
    insert into meter_records (id, account_id, space_id, hour, payload_hash, cost_micros, transfer_id)
    select * from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
      as t(id text, account_id text, space_id bigint, hour timestamptz, payload_hash text, cost_micros bigint, transfer_id bigint)`);

  const hours = new Map<string, Record<string, string | bigint>>();
  for (const record of options.accepted) {
    const cost = options.costs.get(record.id)!;
    const key = `${record.account}|${cost.spaceId}|${record.hour.toISOString()}`;
    let row = hours.get(key);
    if (!row) {
      row = { account_id: record.account, space_id: cost.spaceId.toString(), hour: record.hour.toISOString() };
      for (const column of allColumns) row[column] = 0n;
      hours.set(key, row);
    }
    for (const line of cost.lines) {
      row[line.resource] = (row[line.resource] as bigint) + line.units;
      row[`${line.resource}_cost`] = (row[`${line.resource}_cost`] as bigint) + line.micros;
    }
  }
  const json = JSON.stringify([...hours.values()], (_key, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value,
  );
  await tx.execute(sql`
    insert into usage_hours (account_id, space_id, hour, ${insertColumns})
    select account_id, space_id, hour, ${insertColumns} from jsonb_to_recordset(${json}::jsonb)
      as t(account_id text, space_id bigint, hour timestamptz, ${recordsetColumns})
    on conflict (account_id, hour, space_id) do update set ${addOnConflict}`);
}
