import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import type { MeterRecord } from "./meter-record";
import { cardForHour, type RateCard } from "./rate-cards";
import { RESOURCES } from "./resources";
import { rateUnits } from "./rate-units";

export type RecordCost = { total: bigint; spaceId: bigint; lines: Array<{ resource: string; units: bigint; micros: bigint }> };

export type RatedBatch = {
  /** Billing account id → micros to debit. */
  totals: Map<string, bigint>;
  /** Record id → its cost by resource. */
  costs: Map<string, RecordCost>;
  /** Writes the carried fractions back; call in the same transaction. */
  persist: () => Promise<void>;
};

async function ensureSpaces(tx: Transaction, records: MeterRecord[]): Promise<Map<string, bigint>> {
  const pairs = [...new Map(records.map((record) => [`${record.account}|${record.space}`, { account_id: record.account, name: record.space }])).values()];
  const json = JSON.stringify(pairs);
  await tx.execute(sql`
    insert into spaces (account_id, name)
    select account_id, name from jsonb_to_recordset(${json}::jsonb) as t(account_id text, name text)
    on conflict (account_id, name) do nothing`);
  const rows = await tx.execute<{ account_id: string; name: string; id: string }>(sql`
    select s.account_id, s.name, s.id::text from spaces s
    join jsonb_to_recordset(${json}::jsonb) as t(account_id text, name text) on t.account_id = s.account_id and t.name = s.name`);
  return new Map(rows.rows.map((row) => [`${row.account_id}|${row.name}`, BigInt(row.id)]));
}

/**
 * Rates records with the card in force for each record's hour, carrying fractions of a micro-dollar
 * per account, resource and card. The caller holds the accounts' locks, so the carries read here
 * cannot be changed by a concurrent batch before persist() writes them.
 */
export async function rateRecords(tx: Transaction, records: MeterRecord[], cards: RateCard[]): Promise<RatedBatch> {
  const spaceIds = await ensureSpaces(tx, records);
  const accounts = [...new Set(records.map((record) => record.account))];
  const stored = await tx.execute<{ account_id: string; resource: string; card_id: number; numerator: string }>(sql`
    select account_id, resource, card_id, numerator::text from rating_remainders
    where account_id in (select jsonb_array_elements_text(${JSON.stringify(accounts)}::jsonb))`);
  const carries = new Map(stored.rows.map((row) => [`${row.account_id}|${row.resource}|${row.card_id}`, BigInt(row.numerator)]));
  const touched = new Set<string>();
  const totals = new Map<string, bigint>(accounts.map((account) => [account, 0n]));
  const costs = new Map<string, RecordCost>();

  for (const record of records) {
    const card = cardForHour(cards, record.hour)!;
    const cost: RecordCost = { total: 0n, spaceId: spaceIds.get(`${record.account}|${record.space}`)!, lines: [] };
    for (const resource of RESOURCES) {
      const units = record.usage[resource];
      const price = card.entries.get(resource);
      if (units === 0n || price === undefined) continue;
      const key = `${record.account}|${resource}|${card.id}`;
      const rated = rateUnits(price, units, carries.get(key) ?? 0n);
      carries.set(key, rated.carry);
      touched.add(key);
      cost.total += rated.micros;
      cost.lines.push({ resource, units, micros: rated.micros });
    }
    costs.set(record.id, cost);
    totals.set(record.account, totals.get(record.account)! + cost.total);
  }

  return {
    totals,
    costs,
    persist: async () => {
      const rows = [...touched].map((key) => {
        const [account_id, resource, card_id] = key.split("|");
        return { account_id, resource, card_id: Number(card_id), numerator: carries.get(key)!.toString() };
      });
      if (rows.length === 0) return;
      await tx.execute(sql`
        insert into rating_remainders (account_id, resource, card_id, numerator)
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(account_id text, resource text, card_id int, numerator bigint)
        on conflict (account_id, resource, card_id) do update set numerator = excluded.numerator`);
    },
  };
}
