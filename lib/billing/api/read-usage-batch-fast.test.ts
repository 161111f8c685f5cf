import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { RESOURCES } from "@/lib/billing/resources";
import { parseUsageBatchOrThrow, parseUsageBatchWithSchema } from "./parse-usage-batch";
import { readUsageBatchFast } from "./read-usage-batch-fast";

const HOUR_MS = 3_600_000;
// The lateness bound is checked after either path (refuse-late-usage); here every era's hours pass it.
const ANY_LATENESS = { maxLatenessDays: 100_000 };
const currentHour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
const iso = (ms: number) => new Date(ms).toISOString();

const validHour = fc.integer({ min: -24 * 400, max: 1 }).map((hours) => iso(currentHour + hours * HOUR_MS));
const anyHour = fc.oneof(
  { weight: 20, arbitrary: validHour },
  validHour.map((hour) => hour.replace(".000Z", "Z")),
  validHour.map((hour) => hour.replace(".000Z", ".0Z")),
  fc.constantFrom(
    iso(currentHour + 2 * HOUR_MS),
    iso(currentHour + 60_000),
    "2025-03-01T14:00:00.000+02:00",
    "2025-03-01T14:00:00+00:00",
    "2024-02-29T00:00:00Z",
    "2026-02-29T00:00:00Z",
    "2026-02-30T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-01-01T24:00:00Z",
    "2026-01-01T05:00Z",
    "2026-01-01 05:00:00Z",
    "2026-01-01T05:00:00.0000Z",
    "",
  ),
  fc.constantFrom(null, 1_700_000_000_000, true),
);
const counter = fc.oneof(
  { weight: 40, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
  fc.constantFrom(0, -0, 1e15, 1e15 + 1, -1, 1.5, 2 ** 60, Number.MAX_SAFE_INTEGER),
  fc.bigInt({ min: 0n, max: 10n ** 16n }).map(String),
  fc.constantFrom("0", "007", "-5", "1000000000000000", "1000000000000001", "12e3", " 1", "9223372036854775808"),
  fc.constantFrom(null, true, undefined, {}, []),
);
const id = fc.oneof(
  { weight: 10, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  fc.constantFrom(
    "",
    "a".repeat(200),
    "a".repeat(201),
    "tab\there",
    "del\x7f",
    "ünïcødé",
    "𝄞",
    "x\ud800",
    "\udc00y",
    "c1\u009b",
  ),
  fc.constantFrom(5, null),
);
const account = fc.oneof(
  { weight: 10, arbitrary: fc.stringMatching(/^acct_[0-9A-Za-z]{1,64}$/) },
  fc.constantFrom("acct_", `acct_${"a".repeat(65)}`, "ACCT_abc", "acct_a-b", "acct_abc\n", 7),
);
const space = fc.oneof(
  { weight: 10, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/) },
  fc.constantFrom("", "a".repeat(100), "a".repeat(101), "-web", "web app", "w.e_b:-1", "__proto__"),
);

function recordArbitrary(fields: { hour: fc.Arbitrary<unknown>; counter: fc.Arbitrary<unknown> }) {
  const record = fc.record(
    {
      id,
      account,
      space,
      hour: fields.hour,
      ...Object.fromEntries(RESOURCES.map((resource) => [resource, fields.counter])),
    },
    { requiredKeys: ["id", "account", "space", "hour"] },
  );
  // One record in ten carries an unknown key; the rest are valid or off by one subtle field.
  return fc.tuple(record, fc.nat(9)).map(([fields, roll]) => (roll === 0 ? { ...fields, extra: 1 } : fields));
}

const bodies = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ records: fc.array(recordArbitrary({ hour: anyHour, counter }), { maxLength: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      records: fc.array(recordArbitrary({ hour: anyHour, counter }), { maxLength: 2 }),
      more: fc.constant(true),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, [], {}, { records: {} }, { records: "x" }, { records: [null, 1, []] }),
  },
);

type Outcome = { records: unknown } | { code: string; message: string; details: unknown };

function outcome(parse: () => unknown): Outcome {
  try {
    return { records: parse() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: error.message, details: error.details };
  }
}

describe("readUsageBatchFast", () => {
  it("answers exactly like the zod schema: the same records, or the schema's own refusal", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(bodies, (body) => {
        // Through JSON, as a request body arrives (undefined counters become omitted keys).
        const parsed = JSON.parse(JSON.stringify(body)) as unknown;
        expect(outcome(() => parseUsageBatchOrThrow(parsed, ANY_LATENESS))).toEqual(
          outcome(() => parseUsageBatchWithSchema(parsed)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("takes the fast path for plainly valid batches (so the property above is not vacuous)", () => {
    const valid = recordArbitrary({ hour: validHour, counter: fc.integer({ min: 0, max: 10 ** 12 }) }).map((record) => {
      const { extra: _extra, ...fields } = record as Record<string, unknown>;
      return { ...fields, id: "r-1", account: "acct_abc", space: "web" };
    });
    fc.assert(
      fc.property(fc.array(valid, { minLength: 1, maxLength: 5 }), (records) => {
        const fast = readUsageBatchFast({ records });
        expect(fast).toBeDefined();
        expect(fast).toEqual(parseUsageBatchWithSchema({ records }));
      }),
      { numRuns: 500 },
    );
  });
});
