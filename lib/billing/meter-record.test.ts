import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meterRecordHash, type MeterRecord } from "./meter-record";
import { RESOURCES, type MeterUsage } from "./resources";

// The digest as first defined: hashes already stored in meter_records must keep matching.
function referenceHash(record: MeterRecord): string {
  const canonical = [
    record.account,
    record.space,
    record.hour.toISOString(),
    ...RESOURCES.map((r) => record.usage[r].toString()),
  ];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

// Counters as the API gives them (numbers) or as seeding gives them (bigints): the digest must not
// depend on which, or a retried record would conflict with itself.
const counter = fc.bigInt({ min: 0n, max: 10n ** 15n });
const usage = fc.record(
  Object.fromEntries(RESOURCES.map((resource) => [resource, fc.oneof(counter, counter.map(Number))])) as Record<
    keyof MeterUsage,
    fc.Arbitrary<bigint | number>
  >,
);

describe("meterRecordHash", () => {
  it("digests the same canonical JSON as the original definition, for any record", () => {
    fc.assert(
      fc.property(
        fc.record({
          id: fc.string(),
          account: fc.string(),
          space: fc.string(),
          hour: fc.integer({ min: 0, max: 400_000 }).map((hours) => new Date(hours * 3_600_000)),
          usage,
        }),
        (record) => {
          expect(meterRecordHash(record)).toBe(referenceHash(record));
        },
      ),
      { numRuns: 500 },
    );
  });
});
