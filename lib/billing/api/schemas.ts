// The billing API's wire shapes (DESIGN section 5), shared by the route handlers and the OpenAPI
// document: what is validated is exactly what is documented. Free of `server-only` so pure tests can
// import it.
import { z } from "zod";
import { errorTable } from "@/lib/errors";
import { RESOURCES, type Resource } from "@/lib/billing/resources";
import { standingStates } from "@/lib/db/schema/billing-accounts";
import { INSTANT_BOUNDS_MESSAGE, isWithinInstantBounds } from "@/lib/input/instant";
import { safeTextSchema } from "@/lib/input/text";

export const MAX_RECORDS_PER_BATCH = 1_000;
export const MAX_USAGE_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_USAGE_RANGE_DAYS = 400;

const HOUR_MS = 3_600_000;
// 10^15 per counter per record-hour (a petabyte, or 31,000 CPU-years in one hour) is far past any real
// space, and keeps every rated cost and every hourly sum well inside Postgres's 64-bit integers, so an
// absurd counter is the client's 400, never our overflow 500.
export const MAX_COUNTER = 1_000_000_000_000_000n;
const COUNTER_STRING = /^(0|[1-9][0-9]{0,15})$/;
const COUNTER_MESSAGE = `expected a non-negative integer up to ${MAX_COUNTER}, as a JSON number or a decimal string`;

export const accountIdSchema = z
  .string()
  .regex(/^acct_[0-9A-Za-z]{1,64}$/, "expected a billing account id (acct_…)")
  .meta({ description: "A billing account id.", examples: ["acct_7m2k9q4d1x8v5c3b6n0h"] });

export const decimalStringSchema = z
  .string()
  .regex(/^-?(0|[1-9][0-9]*)$/)
  .meta({ description: "An integer as a decimal string (amounts are micro-dollars: 1 USD = 1,000,000)." });

const instantSchema = z.iso.datetime({ offset: true }).meta({ description: "An ISO-8601 instant (UTC)." });
// Query instants are bounded to the site's era (lib/input/instant): years 0000 and 9999 are the caller's 400.
const instantDateSchema = z.iso
  .datetime({ offset: true, error: "expected an ISO-8601 instant with a time zone, e.g. 2026-05-01T00:00:00Z" })
  .transform((value) => new Date(value))
  .refine(isWithinInstantBounds, INSTANT_BOUNDS_MESSAGE);

// Large counters may come as decimal strings so that clients without 64-bit integers lose nothing.
export const counterSchema = z
  .union(
    [
      z.number().int(COUNTER_MESSAGE).min(0, COUNTER_MESSAGE).max(Number(MAX_COUNTER), COUNTER_MESSAGE),
      z
        .string()
        .regex(COUNTER_STRING, COUNTER_MESSAGE)
        // Guarded: refinements run even after the regex failed, and BigInt("12e3") throws.
        .refine((value) => !COUNTER_STRING.test(value) || BigInt(value) <= MAX_COUNTER, COUNTER_MESSAGE),
    ],
    { error: COUNTER_MESSAGE },
  )
  .transform((value) => BigInt(value));

const hourSchema = z.iso
  .datetime({ offset: true, error: "expected an ISO-8601 instant with a time zone, e.g. 2026-05-01T13:00:00Z" })
  .superRefine((value, ctx) => {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) return;
    if (ms % HOUR_MS !== 0)
      ctx.addIssue({ code: "custom", message: "must be exactly on the hour (minutes and seconds 0)" });
    else if (ms > Date.now() + HOUR_MS)
      ctx.addIssue({ code: "custom", message: "must not be more than 1 hour in the future" });
  })
  .transform((value) => new Date(value))
  .meta({
    description:
      "The hour the usage belongs to: an ISO-8601 instant exactly on the hour, at most 1 hour ahead and at most the lateness bound behind (see POST /usage).",
    examples: ["2026-05-01T13:00:00Z"],
  });

const RESOURCE_DESCRIPTIONS: Record<Resource, string> = {
  cpu_ms: "Counter: CPU time used in the hour, in milliseconds.",
  memory_bytes: "Gauge: the hour's p95 memory level, in bytes.",
  connections: "Gauge: the hour's p95 number of open connections.",
  documents: "Gauge: the hour's p95 number of live documents.",
  messages: "Counter: messages delivered in the hour.",
  bandwidth_bytes: "Counter: bytes transferred in the hour.",
  storage_bytes: "Gauge: the hour's p95 stored bytes.",
  first_party_calls: "Counter: calls to the platform's own services in the hour.",
  third_party_calls: "Counter: calls to third-party services through the platform in the hour.",
};

const counterFields = Object.fromEntries(
  RESOURCES.map((resource) => [
    resource,
    counterSchema.optional().meta({ description: `${RESOURCE_DESCRIPTIONS[resource]} Omitted = 0.` }),
  ]),
) as Record<Resource, z.ZodOptional<typeof counterSchema>>;

export const meterRecordInputSchema = z
  .strictObject({
    // Well-formed Unicode without control characters (lib/input/text): a lone surrogate would be stored
    // as U+FFFD and never match its own retry again.
    id: safeTextSchema(z.string().min(1).max(200)).meta({
      description:
        "The record's idempotency key: the same id with the same content is a duplicate, with other content a conflict.",
    }),
    account: accountIdSchema,
    space: z
      .string()
      .min(1)
      .max(100)
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._:-]*$/,
        "expected letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
      )
      .meta({ description: "The space (deployed app) within the account; created on its first record." }),
    hour: hourSchema,
    ...counterFields,
  })
  .meta({ description: "One space's usage for one hour, from one host." });

export const usageBatchSchema = z
  .strictObject({ records: z.array(meterRecordInputSchema).max(MAX_RECORDS_PER_BATCH) })
  .meta({ description: `At most ${MAX_RECORDS_PER_BATCH} records; all are stored or none.` });
export type UsageBatch = z.infer<typeof usageBatchSchema>;

export const usageResultSchema = z.object({
  accepted: z.int().min(0).meta({ description: "Records stored and billed by this request." }),
  duplicates: z.int().min(0).meta({ description: "Records whose id was already received with the same content." }),
});
export type UsageResult = z.infer<typeof usageResultSchema>;

export const accountLookupQuerySchema = z.object({
  email: safeTextSchema(
    z
      .string()
      .trim()
      .min(3)
      .max(320)
      .regex(/^[^@\s]+@[^@\s]+$/, "expected an email address"),
  ).meta({ description: "The owner's email (case-insensitive)." }),
});

/** The `{account}` of `/accounts/{account}/…`: checked before it reaches a query. */
export const accountPathSchema = z.object({ account: accountIdSchema });

export const accountLookupSchema = z.object({ account: accountIdSchema });
export type AccountLookup = z.infer<typeof accountLookupSchema>;

/** A space's standing (issue 19): `paused` by its budget, the account's budget, or the account frozen. */
export const spaceStandingSchema = z.object({
  space: z.string().meta({ description: "The space's name, as the platform sends it in usage records." }),
  state: z.enum(["active", "paused"]).meta({
    description: "`paused`: read-only until its budget is raised or removed, the month ends (UTC), or the account unfreezes.",
  }),
  reason: z.enum(["budget", "account_budget", "account_frozen"]).nullable().meta({
    description:
      "Why it is paused (null when active): its own monthly budget, the account's monthly budget, or the account's standing `frozen`.",
  }),
});
export type SpaceStandingResponse = z.infer<typeof spaceStandingSchema>;

export const standingSchema = z.object({
  account: accountIdSchema,
  state: z
    .enum(standingStates)
    .meta({ description: "`frozen`: the platform refuses new work until the account is topped up." }),
  balance_micros: decimalStringSchema,
  low_threshold_micros: decimalStringSchema,
  floor_micros: decimalStringSchema,
  as_of: instantSchema.meta({ description: "When the balance was read." }),
  spaces: z.array(spaceStandingSchema).meta({
    description:
      "Each space of the account with its own standing (added in 1.1.0; a v1 client may ignore it). A `paused` space is read-only: refuse new work for it, keep serving reads. Ordered by name.",
  }),
});
export type StandingResponse = z.infer<typeof standingSchema>;

export const usageQuerySchema = z.object({
  from: instantDateSchema
    .optional()
    .meta({ description: "Start (inclusive), aligned down to the bucket. Default: `to` minus 24 hours." }),
  to: instantDateSchema
    .optional()
    .meta({ description: "End (exclusive), aligned up to the bucket. Default: the end of the current hour." }),
  granularity: z.enum(["hour", "day"]).default("hour").meta({ description: "Bucket size, aligned to UTC." }),
  group: z.enum(["resource", "space"]).default("resource").meta({ description: "What each point's key names." }),
});
export type UsageQuery = z.infer<typeof usageQuerySchema>;

const usagePointSchema = z.object({
  start: instantSchema.meta({ description: "The bucket's start (UTC hour or day)." }),
  key: z.string().meta({ description: "The resource, or the space name when group=space." }),
  resource: z
    .enum(RESOURCES)
    .optional()
    .meta({ description: "With group=space: the resource, so that units never mix." }),
  units: decimalStringSchema,
  cost_micros: decimalStringSchema,
});

export const usageSeriesSchema = z.object({
  account: accountIdSchema,
  from: instantSchema,
  to: instantSchema,
  granularity: z.enum(["hour", "day"]),
  group: z.enum(["resource", "space"]),
  points: z.array(usagePointSchema).meta({ description: "Buckets with usage only, ordered by start then key." }),
  totals: z.object({
    cost_micros: decimalStringSchema,
    resources: z.array(
      z.object({ resource: z.enum(RESOURCES), units: decimalStringSchema, cost_micros: decimalStringSchema }),
    ),
    spaces: z.array(z.object({ space: z.string(), cost_micros: decimalStringSchema })),
  }),
});
export type UsageSeries = z.infer<typeof usageSeriesSchema>;

const rateEntrySchema = z.object({
  resource: z.enum(RESOURCES),
  unit: z.string().meta({ description: "What `per_units` units make, e.g. CPU-hour." }),
  price_micros: decimalStringSchema.meta({ description: "The price of `per_units` units, in micro-dollars." }),
  per_units: decimalStringSchema,
  example: z.object({ units: decimalStringSchema, cost_micros: decimalStringSchema, description: z.string() }),
});

const rateCardSchema = z.object({
  version: z.int().min(1),
  effective_from: instantSchema,
  currency: z.literal("USD"),
  resources: z.array(rateEntrySchema),
});

export const ratesSchema = rateCardSchema.extend({
  upcoming: rateCardSchema.optional().meta({ description: "The next card, when one is scheduled." }),
});
export type RatesResponse = z.infer<typeof ratesSchema>;
export type RateCardResponse = z.infer<typeof rateCardSchema>;

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorTable) as [keyof typeof errorTable, ...Array<keyof typeof errorTable>]),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
