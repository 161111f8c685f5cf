import "server-only";
import { AppError } from "@/lib/errors";
import type { MeterRecord } from "./meter-record";
import { cardForHour, type RateCard } from "./rate-cards";
import { RESOURCES, type Resource } from "./resources";
import { addAt, plus, type ExactSum } from "./exact-sum";

/**
 * The fraction of a micro-dollar carried per account, resource and card: numerator over the entry's
 * per_units. A number while it is a safe integer (always, for every real card), else a bigint.
 */
export type Carry = { accountId: string; resource: Resource; cardId: number; numerator: ExactSum };

/** Where rating adds a record's units and billed micros: its hour row, one cell per resource each. */
export type UsageSums = { units: ExactSum[]; micros: ExactSum[] };

export type RatedBatch = {
  /** Billing account id → micros to debit. */
  totals: Map<string, bigint>;
  /** Each record's billed micros, in the order of the records rated. */
  costs: ExactSum[];
  /** The carries this batch moved, to write back in the same transaction. */
  carries: Carry[];
};

/** A card entry ready for rating: as doubles when every product below stays exact, else as bigints. */
type Rate = { index: number; resource: Resource; price: number; per: number; limit: number; priceBig: bigint; perBig: bigint };

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function ratesOf(card: RateCard): Rate[] {
  const rates: Rate[] = [];
  RESOURCES.forEach((resource, index) => {
    const entry = card.entries.get(resource);
    if (!entry) return;
    const isSafe = entry.priceMicros <= BigInt(MAX_SAFE) && entry.perUnits <= BigInt(MAX_SAFE) / 4n;
    const per = Number(entry.perUnits);
    // limit: the largest numerator rated in doubles. Then numerator + carry + per_units stays a safe
    // integer, so the quotient's correction below and every product in it are exact. -1: never.
    rates.push({ index, resource, price: Number(entry.priceMicros), per, limit: isSafe ? MAX_SAFE - 2 * per : -1, priceBig: entry.priceMicros, perBig: entry.perUnits });
  });
  return rates;
}

/**
 * units × price + the carry over per_units, floor division, exactly: returns the whole micros and leaves
 * the remainder as the new carry. `count` is Number(units), or Infinity when that would not be exact.
 */
function rateInto(rate: Rate, units: bigint | number, count: number, carry: Carry): ExactSum {
  const numerator = count * rate.price;
  if (numerator <= rate.limit && typeof carry.numerator === "number") {
    // Both operands are exact integers below 2^53; the double quotient is off by at most one.
    const total = numerator + carry.numerator;
    let micros = Math.floor(total / rate.per);
    let rest = total - micros * rate.per;
    if (rest < 0) {
      micros -= 1;
      rest += rate.per;
    } else if (rest >= rate.per) {
      micros += 1;
      rest -= rate.per;
    }
    carry.numerator = rest;
    return micros;
  }
  const total = BigInt(units) * rate.priceBig + BigInt(carry.numerator);
  const rest = total % rate.perBig;
  carry.numerator = rate.limit >= 0 ? Number(rest) : rest;
  return total / rate.perBig;
}

/** Carries by account, then card id, then resource (RESOURCES index): no key string built per record. */
export type Carries = Map<string, Map<number, Carry[]>>;

function carriesOf(carries: Carries, accountId: string, cardId: number): Carry[] {
  let byCard = carries.get(accountId);
  if (!byCard) carries.set(accountId, (byCard = new Map<number, Carry[]>()));
  let byResource = byCard.get(cardId);
  if (!byResource) byCard.set(cardId, (byResource = []));
  return byResource;
}

/** Stored carries, as `[account_id, resource, card_id, numerator]` rows, keyed for rateRecords. */
export function carriesFrom(rows: Array<[string, Resource, number, string]>): Carries {
  const carries: Carries = new Map();
  for (const [accountId, resource, cardId, numerator] of rows) {
    const byResource = carriesOf(carries, accountId, cardId);
    const value = BigInt(numerator);
    byResource[RESOURCES.indexOf(resource)] = { accountId, resource, cardId, numerator: value <= BigInt(MAX_SAFE) ? Number(value) : value };
  }
  return carries;
}

/**
 * Rates records in order with the card in force for each one's hour, carrying fractions of a
 * micro-dollar per account, resource and card (`carries`, from carriesFrom, is updated in place), and
 * adds each record's units and billed micros to the sums `sumsOf` gives for it. The caller holds the
 * accounts' locks from reading the carries until the moved ones are written back. A record whose hour
 * no card covers is refused (400) before anything is written. Exact integer arithmetic throughout:
 * in doubles while every value is a safe integer, in bigints past that.
 */
export function rateRecords(
  records: MeterRecord[],
  cards: RateCard[],
  carries: Carries,
  sumsOf: (record: MeterRecord) => UsageSums,
): RatedBatch {
  const ratesByHour = new Map<number, { card: RateCard; rates: Rate[] } | undefined>();
  const moved = new Set<Carry>();
  const totals = new Map<string, ExactSum>();
  const costs: ExactSum[] = [];
  for (const record of records) {
    const hour = record.hour.getTime();
    if (!ratesByHour.has(hour)) {
      const card = cardForHour(cards, record.hour);
      ratesByHour.set(hour, card && { card, rates: ratesOf(card) });
    }
    const priced = ratesByHour.get(hour);
    if (!priced) {
      throw new AppError("bad_request", { message: `Record ${record.id}: no rate card is in force for ${record.hour.toISOString()}.` });
    }
    const accountCarries = carriesOf(carries, record.account, priced.card.id);
    const sums = sumsOf(record);
    let cost: ExactSum = 0;
    for (const rate of priced.rates) {
      const units = record.usage[rate.resource];
      const count = Number(units);
      if (count === 0) continue;
      const carry = (accountCarries[rate.index] ??= { accountId: record.account, resource: rate.resource, cardId: priced.card.id, numerator: 0 });
      const isSafe = count <= MAX_SAFE;
      const micros = rateInto(rate, units, isSafe ? count : Number.POSITIVE_INFINITY, carry);
      moved.add(carry);
      cost = plus(cost, micros);
      addAt(sums.units, rate.index, isSafe ? count : BigInt(units));
      addAt(sums.micros, rate.index, micros);
    }
    costs.push(cost);
    totals.set(record.account, plus(totals.get(record.account) ?? 0, cost));
  }
  return { totals: new Map([...totals].map(([account, micros]) => [account, BigInt(micros)])), costs, carries: [...moved] };
}

