// The account API's wire shapes (/api/account/v1, personal API keys), shared by the route handlers
// and the OpenAPI document: what is answered is what is documented. The usage and statement rows are
// the CSV exports' rows (usage-csv.ts, statement-csv.ts) in JSON, field for field. No `server-only`: the
// OpenAPI document is built from these.
import { z } from "zod";
import { accountIdSchema, decimalStringSchema } from "@/lib/billing/api/schemas";
import { RESOURCES } from "@/lib/billing/resources";
import { standingStates } from "@/lib/db/schema/billing-accounts";
import { INSTANT_BOUNDS_MESSAGE, isWithinInstantBounds } from "@/lib/input/instant";
import { STATEMENT_FILTERS, type StatementFilter } from "../get-statement";
import { usageQuerySchema } from "../usage-range";

export { accountIdSchema, decimalStringSchema };

const instantSchema = z.iso.datetime({ offset: true }).meta({ description: "An ISO-8601 instant (UTC)." });
const nullableDecimal = decimalStringSchema.nullable();

export const accountSchema = z.object({
  account: accountIdSchema,
  state: z
    .enum(standingStates)
    .meta({ description: "The standing: `frozen` means the platform refuses new work until a top-up." }),
  balance_micros: decimalStringSchema,
  low_threshold_micros: decimalStringSchema.meta({
    description: "Standing turns `low` at or below this balance (set in settings).",
  }),
  floor_micros: decimalStringSchema.meta({ description: "Standing turns `frozen` at or below this balance." }),
  month_to_date_micros: decimalStringSchema.meta({
    description: "Usage billed this UTC month, as the dashboard shows it.",
  }),
  last_month_to_same_point_micros: decimalStringSchema.meta({
    description: "Usage billed last month up to the same point.",
  }),
  runway: z
    .object({
      kind: z.enum(["estimate", "too_little_history", "no_recent_usage"]),
      days: decimalStringSchema
        .optional()
        .meta({ description: "With `estimate`: whole days the balance lasts at the recent rate." }),
      per_day_micros: decimalStringSchema
        .optional()
        .meta({ description: "With `estimate`: the average daily cost it is computed from." }),
      window_days: z
        .int()
        .optional()
        .meta({ description: "With `estimate`: how many recent days the average covers (at most 7)." }),
    })
    .meta({ description: "The dashboard's runway: how long the balance lasts at the last 7 days' rate." }),
  as_of: instantSchema,
});
export type AccountResponse = z.infer<typeof accountSchema>;

/** The usage query's parameters: the account area's usage page and CSV query, documented for the API. */
export const accountUsageParamsSchema = usageQuerySchema.extend({
  range: usageQuerySchema.shape.range.meta({
    description: "A preset window, or `custom` (implied when `from` or `to` is given). Default `30d`.",
  }),
  from: usageQuerySchema.shape.from.meta({ description: "With a custom range: the first UTC day, YYYY-MM-DD." }),
  to: usageQuerySchema.shape.to.meta({ description: "With a custom range: the last UTC day (inclusive), YYYY-MM-DD." }),
  granularity: usageQuerySchema.shape.granularity.meta({
    description: "`hour` (at most 31 days) or `day` (at most 400); default by the range.",
  }),
  group: usageQuerySchema.shape.group.meta({
    description: "`resource`, or `space` (one row per period, space and resource).",
  }),
  page: usageQuerySchema.shape.page.meta({ description: "With group=space: the page of rows; follow `next_page`." }),
  space: usageQuerySchema.shape.space.meta({ description: "Only this space's usage (its name)." }),
});

/** The usage query as parsed: `from`/`to` without `range` mean a custom range (the page's presets would ignore them). */
export const accountUsageQuerySchema = z.preprocess((raw) => {
  const params = { ...(raw as Record<string, unknown>) };
  if (params.range === undefined && (params.from !== undefined || params.to !== undefined)) params.range = "custom";
  return params;
}, accountUsageParamsSchema);

const usageRowSchema = z.object({
  period_start_utc: instantSchema,
  space: z.string().optional().meta({ description: "With group=space." }),
  resource: z.enum(RESOURCES),
  units: decimalStringSchema,
  cost_usd: z.string().meta({ description: "The exact cost in dollars, six decimals." }),
  cost_micros: decimalStringSchema,
  price_unit: z.string().nullable().meta({ description: "The price list's unit, e.g. CPU-hour." }),
  quantity: z.string().nullable().meta({ description: "units ÷ units_per_price_unit, to nine decimals." }),
  price_usd: z.string().nullable().meta({ description: "The price of one price unit, in dollars." }),
  units_per_price_unit: nullableDecimal,
});

export const usageResponseSchema = z.object({
  account: accountIdSchema,
  from: instantSchema,
  to: instantSchema.meta({ description: "End (exclusive)." }),
  granularity: z.enum(["hour", "day"]),
  group: z.enum(["resource", "space"]),
  page: z.int().min(1),
  next_page: z.int().min(2).nullable().meta({ description: "The next page's number, or null on the last page." }),
  rows: z.array(usageRowSchema).meta({ description: "The usage CSV's rows, oldest first." }),
});
export type UsageResponse = z.infer<typeof usageResponseSchema>;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const statementApiQuerySchema = z.object({
  month: z
    .string()
    .regex(monthPattern, "use YYYY-MM, e.g. 2026-11")
    .refine(
      (value) => !monthPattern.test(value) || isWithinInstantBounds(new Date(`${value}-01T00:00:00Z`)),
      INSTANT_BOUNDS_MESSAGE,
    )
    .optional()
    .meta({ description: "The UTC month, YYYY-MM. Default: the current month." }),
  type: z
    .enum(Object.keys(STATEMENT_FILTERS) as [StatementFilter, ...StatementFilter[]], {
      error: "not a known movement type",
    })
    .default("all")
    .meta({ description: "Which movements: the statement page's filter." }),
  after: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/, "not a cursor of this statement")
    .optional()
    .meta({ description: "The `next_cursor` of the previous page." }),
});

const statementRowSchema = z.object({
  time_utc: instantSchema,
  type: z.string().meta({ description: "The movement's kind, e.g. top_up, usage, grant, refund." }),
  details: z.string().nullable(),
  amount_usd: z.string().meta({ description: "Signed exact dollars: credit added positive, money spent negative." }),
  amount_micros: decimalStringSchema,
  balance_after_usd: z.string(),
  balance_after_micros: decimalStringSchema,
  receipt_url: z.string().nullable(),
});

export const statementResponseSchema = z.object({
  account: accountIdSchema,
  month: z.string().meta({ description: "YYYY-MM (UTC)." }),
  type: z.string(),
  rows: z
    .array(statementRowSchema)
    .meta({ description: "The statement CSV's rows, oldest first, with the running balance." }),
  next_cursor: z.string().nullable().meta({ description: "Pass as `after` for the next page; null on the last." }),
});
export type StatementResponse = z.infer<typeof statementResponseSchema>;

const budgetSchema = z.object({
  amount_micros: decimalStringSchema,
  action: z
    .enum(["alert", "pause"])
    .meta({ description: "`pause`: the space (or every space) pauses at 100%; `alert`: emails only." }),
});

export const budgetsResponseSchema = z.object({
  account: accountIdSchema,
  month: z.string().meta({ description: "The UTC month the spend counts, YYYY-MM; budgets start over each month." }),
  state: z.enum(standingStates).meta({ description: "The account's standing." }),
  account_budget: budgetSchema.nullable().meta({ description: "The budget for the whole account, if any." }),
  account_spend_micros: decimalStringSchema.meta({ description: "Usage billed this month, all spaces." }),
  spaces: z.array(
    z.object({
      space: z.string().meta({ description: "The space's name, as the platform reports it." }),
      state: z.enum(["active", "paused"]),
      reason: z
        .enum(["budget", "account_budget", "account_frozen"])
        .nullable()
        .meta({ description: "Why a paused space is paused: its own budget, the account's, or the account frozen." }),
      paused_at: instantSchema
        .nullable()
        .meta({ description: "When a budget paused it; null when active or paused by the account's freeze." }),
      spend_micros: decimalStringSchema.meta({ description: "Usage billed this month in this space." }),
      budget: budgetSchema.nullable(),
    }),
  ),
});
export type BudgetsResponse = z.infer<typeof budgetsResponseSchema>;
