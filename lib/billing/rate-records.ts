import "server-only";
import type { MeterRecord } from "./meter-record";
import { cardForHour, type RateCard } from "./rate-cards";
import { RESOURCES, type Resource } from "./resources";
import { rateNumerator } from "./rate-units";

/** One resource of one record, priced but not yet rated: `numerator` is units × price_micros. */
export type PricedLine = {
  resource: Resource;
  units: bigint;
  numerator: bigint;
  perUnits: bigint;
  cardId: number;
  carryKey: string;
};

/** The fraction of a micro-dollar carried per account, resource and card (numerator over per_units). */
export type Carry = { accountId: string; resource: Resource; cardId: number; numerator: bigint };

export type RecordCost = { total: bigint; lines: Array<{ resource: Resource; units: bigint; micros: bigint }> };

export type RatedBatch = {
  /** Billing account id → micros to debit. */
  totals: Map<string, bigint>;
  /** Record id → its cost by resource. */
  costs: Map<string, RecordCost>;
  /** The carries this batch moved, to write back in the same transaction. */
  carries: Carry[];
};

const carryKey = (accountId: string, resource: string, cardId: number) => `${accountId}|${resource}|${cardId}`;

/**
 * Prices each record with the card in force for its hour (record id → its lines, or null when no card
 * is in force). Pure and lock-free: the multiplications happen here, before ingestion takes any lock.
 */
export function priceRecords(records: MeterRecord[], cards: RateCard[]): Map<string, PricedLine[] | null> {
  const cardByHour = new Map<number, RateCard | undefined>();
  const priced = new Map<string, PricedLine[] | null>();
  for (const record of records) {
    const hour = record.hour.getTime();
    if (!cardByHour.has(hour)) cardByHour.set(hour, cardForHour(cards, record.hour));
    const card = cardByHour.get(hour);
    if (!card) {
      priced.set(record.id, null);
      continue;
    }
    const lines: PricedLine[] = [];
    for (const resource of RESOURCES) {
      const units = record.usage[resource];
      const price = card.entries.get(resource);
      if (units === 0n || price === undefined) continue;
      const key = carryKey(record.account, resource, card.id);
      lines.push({ resource, units, numerator: units * price.priceMicros, perUnits: price.perUnits, cardId: card.id, carryKey: key });
    }
    priced.set(record.id, lines);
  }
  return priced;
}

/** Stored carries, as `[account_id, resource, card_id, numerator]` rows, keyed for rateRecords. */
export function carriesFrom(rows: Array<[string, Resource, number, string]>): Map<string, Carry> {
  return new Map(
    rows.map(([accountId, resource, cardId, numerator]) => [
      carryKey(accountId, resource, cardId),
      { accountId, resource, cardId, numerator: BigInt(numerator) },
    ]),
  );
}

/**
 * Rates priced records in order, carrying fractions of a micro-dollar per account, resource and card
 * (`carries` is updated in place). Pure: the caller holds the accounts' locks from reading the carries
 * until the moved ones are written back.
 */
export function rateRecords(records: MeterRecord[], priced: Map<string, PricedLine[] | null>, carries: Map<string, Carry>): RatedBatch {
  const moved = new Set<Carry>();
  const totals = new Map<string, bigint>();
  const costs = new Map<string, RecordCost>();
  for (const record of records) {
    const cost: RecordCost = { total: 0n, lines: [] };
    for (const line of priced.get(record.id) ?? []) {
      let carry = carries.get(line.carryKey);
      if (!carry) {
        carry = { accountId: record.account, resource: line.resource, cardId: line.cardId, numerator: 0n };
        carries.set(line.carryKey, carry);
      }
      const rated = rateNumerator(line.numerator, line.perUnits, carry.numerator);
      carry.numerator = rated.carry;
      moved.add(carry);
      cost.total += rated.micros;
      cost.lines.push({ resource: line.resource, units: line.units, micros: rated.micros });
    }
    costs.set(record.id, cost);
    totals.set(record.account, (totals.get(record.account) ?? 0n) + cost.total);
  }
  return { totals, costs, carries: [...moved] };
}
