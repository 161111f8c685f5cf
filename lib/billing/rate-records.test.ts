// rateRecords rates in doubles while every value is a safe integer and in bigints past that. Whatever
// the path, it must give exactly what rateNumerator's plain bigint arithmetic gives record by record,
// and the sums it adds must equal the bigint sums: checked here over random cards (real ones and ones
// whose products overflow doubles) and random records up to the largest counter the API accepts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_COUNTER } from "./api/schemas";
import type { MeterRecord } from "./meter-record";
import type { RateCard, RateCardEntry } from "./rate-cards";
import { carriesFrom, rateRecords, type UsageSums } from "./rate-records";
import { rateNumerator } from "./rate-units";
import { RESOURCES, type MeterUsage } from "./resources";

const HOUR_MS = 3_600_000;
const START = Date.UTC(2026, 0, 1);

const entry = (resource: (typeof RESOURCES)[number], priceMicros: bigint, perUnits: bigint): RateCardEntry => ({
  resource,
  unitLabel: resource,
  priceMicros,
  perUnits,
});

const priceArbitrary = fc.oneof(
  // The seed card's kind of prices.
  fc.record({ priceMicros: fc.bigInt({ min: 0n, max: 300_000n }), perUnits: fc.bigInt({ min: 1n, max: 783_831_531_520n }) }),
  // Prices whose products leave the doubles' exact range, and per-units past it.
  fc.record({ priceMicros: fc.bigInt({ min: 1n, max: 10n ** 12n }), perUnits: fc.bigInt({ min: 1n, max: 10n ** 18n }) }),
);

const cardArbitrary = (id: number, effectiveFrom: number) =>
  fc.array(priceArbitrary, { minLength: RESOURCES.length, maxLength: RESOURCES.length }).map(
    (prices): RateCard => ({
      id,
      version: id,
      effectiveFrom: new Date(effectiveFrom),
      entries: new Map(RESOURCES.map((resource, index) => [resource, entry(resource, prices[index]!.priceMicros, prices[index]!.perUnits)])),
    }),
  );

const unitsArbitrary = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10_000_000n }), fc.bigInt({ min: 0n, max: MAX_COUNTER }));

const recordArbitrary = fc.record({
  account: fc.constantFrom("acct_a", "acct_b"),
  space: fc.constantFrom("one", "two"),
  hourIndex: fc.integer({ min: 0, max: 3 }),
  units: fc.array(unitsArbitrary, { minLength: RESOURCES.length, maxLength: RESOURCES.length }),
  // The API gives counters as numbers; seeding and tests may give bigints.
  asNumbers: fc.boolean(),
});

describe("rateRecords", () => {
  it("bills each record exactly what bigint arithmetic bills, carries the same fractions, and sums exactly", () => {
    fc.assert(
      fc.property(
        cardArbitrary(1, START),
        cardArbitrary(2, START + 2 * HOUR_MS),
        fc.array(recordArbitrary, { maxLength: 60 }),
        fc.array(fc.tuple(fc.constantFrom("acct_a", "acct_b"), fc.integer({ min: 0, max: 8 }), fc.bigInt({ min: 0n, max: 10n ** 17n })), { maxLength: 6 }),
        (first, second, inputs, storedCarries) => {
          const cards = [first, second];
          const records: MeterRecord[] = inputs.map((input, index) => ({
            id: `r${index}`,
            account: input.account,
            space: input.space,
            hour: new Date(START + input.hourIndex * HOUR_MS),
            usage: Object.fromEntries(
              RESOURCES.map((resource, at) => [resource, input.asNumbers ? Number(input.units[at]!) : input.units[at]!]),
            ) as MeterUsage,
          }));
          // Stored carries must be below their entry's per_units, as rating always leaves them.
          const rows = storedCarries.map(([account, resourceIndex, numerator]): [string, (typeof RESOURCES)[number], number, string] => {
            const perUnits = first.entries.get(RESOURCES[resourceIndex]!)!.perUnits;
            return [account, RESOURCES[resourceIndex]!, first.id, (numerator % perUnits).toString()];
          });
          const expectedCarries = new Map(rows.map(([account, resource, cardId, numerator]) => [`${account}|${resource}|${cardId}`, BigInt(numerator)]));

          const sums = new Map<string, UsageSums>();
          const rated = rateRecords(records, cards, carriesFrom(rows), (record) => {
            const key = `${record.account}|${record.space}|${record.hour.getTime()}`;
            if (!sums.has(key)) sums.set(key, { units: RESOURCES.map(() => 0), micros: RESOURCES.map(() => 0) });
            return sums.get(key)!;
          });

          const expectedSums = new Map<string, { units: bigint[]; micros: bigint[] }>();
          const expectedTotals = new Map<string, bigint>();
          records.forEach((record, index) => {
            const card = record.hour.getTime() >= second.effectiveFrom.getTime() ? second : first;
            const key = `${record.account}|${record.space}|${record.hour.getTime()}`;
            if (!expectedSums.has(key)) expectedSums.set(key, { units: RESOURCES.map(() => 0n), micros: RESOURCES.map(() => 0n) });
            let cost = 0n;
            RESOURCES.forEach((resource, at) => {
              const units = BigInt(record.usage[resource]);
              if (units === 0n) return;
              const price = card.entries.get(resource)!;
              const carryKey = `${record.account}|${resource}|${card.id}`;
              const result = rateNumerator(units * price.priceMicros, price.perUnits, expectedCarries.get(carryKey) ?? 0n);
              expectedCarries.set(carryKey, result.carry);
              cost += result.micros;
              expectedSums.get(key)!.units[at]! += units;
              expectedSums.get(key)!.micros[at]! += result.micros;
            });
            expect(BigInt(rated.costs[index]!)).toBe(cost);
            expectedTotals.set(record.account, (expectedTotals.get(record.account) ?? 0n) + cost);
          });

          expect(rated.totals).toEqual(expectedTotals);
          for (const carry of rated.carries) {
            expect(BigInt(carry.numerator)).toBe(expectedCarries.get(`${carry.accountId}|${carry.resource}|${carry.cardId}`));
          }
          for (const [key, expected] of expectedSums) {
            expect(sums.get(key)!.units.map((value) => BigInt(value))).toEqual(expected.units);
            expect(sums.get(key)!.micros.map((value) => BigInt(value))).toEqual(expected.micros);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses a record that no card covers", () => {
    const card: RateCard = { id: 1, version: 1, effectiveFrom: new Date(START), entries: new Map([["cpu_ms", entry("cpu_ms", 40_000n, 3_600_000n)]]) };
    const usage = Object.fromEntries(RESOURCES.map((resource) => [resource, 1])) as MeterUsage;
    const early: MeterRecord = { id: "early", account: "acct_a", space: "one", hour: new Date(START - HOUR_MS), usage };
    expect(() => rateRecords([early], [card], new Map(), () => ({ units: [], micros: [] }))).toThrow(/no rate card is in force/);
  });
});
