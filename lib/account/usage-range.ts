import { z } from "zod";
import { AppError } from "@/lib/errors";
import { INSTANT_BOUNDS_MESSAGE, isWithinInstantBounds } from "@/lib/input/instant";
import { DAY_MS, HOUR_MS, lastDays, lastHours, startOfDay, startOfHour, startOfMonth, type Period } from "./periods";

// The usage page's range: a preset or a custom pair of UTC dates, hourly or daily, by resource or by
// space. Parsed from the query string by one schema shared by the page and its CSV route.
export const USAGE_PRESETS = {
  "24h": { label: "Last 24 hours", granularity: "hour" },
  "7d": { label: "Last 7 days", granularity: "hour" },
  "30d": { label: "Last 30 days", granularity: "day" },
  mtd: { label: "This month", granularity: "day" },
  "90d": { label: "Last 90 days", granularity: "day" },
  "365d": { label: "Last 12 months", granularity: "day" },
} as const;

export type UsagePreset = keyof typeof USAGE_PRESETS;
export type Granularity = "hour" | "day";
export type Grouping = "resource" | "space";

// Hourly rows for 100 spaces over more than a month are more than a page or a chart can show.
export const MAX_HOURLY_DAYS = 31;
export const MAX_DAILY_DAYS = 400;

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD");

export const usageQuerySchema = z.object({
  range: z.enum([...(Object.keys(USAGE_PRESETS) as UsagePreset[]), "custom"]).default("30d"),
  from: dateString.optional(),
  to: dateString.optional(),
  granularity: z.enum(["hour", "day"]).optional(),
  group: z.enum(["resource", "space"]).default("resource"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  // One space's usage only (the spaces page links here): its name as the billing API received it.
  space: z.string().trim().min(1, "name a space").max(200, "a space name has at most 200 characters").optional(),
});

export type UsageQuery = z.infer<typeof usageQuerySchema>;

export type UsageSelection = {
  range: UsagePreset | "custom";
  from: Date;
  /** Exclusive. */
  to: Date;
  granularity: Granularity;
  group: Grouping;
  page: number;
  label: string;
  /** Only this space's usage, when set. */
  space?: string;
};

function invalid(field: string, message: string): AppError {
  return new AppError("validation_failed", { message: `${field}: ${message}.`, details: { fields: [{ path: field, message }] } });
}

// The "Last N days" presets take their window from lastDays(), as the dashboard does (issue 17: one
// definition, so "Last 30 days" is the same 30 UTC days, today included, on every page).
const PRESET_DAYS = { "7d": 7, "30d": 30, "90d": 90, "365d": 365 } as const;

function presetPeriod(range: UsagePreset, now: Date): Period {
  if (range === "24h") return lastHours(now, 24);
  if (range === "mtd") return { from: startOfMonth(now), to: new Date(startOfHour(now).getTime() + HOUR_MS) };
  return lastDays(now, PRESET_DAYS[range]);
}

/** Turns the query into a concrete window: presets from periods.ts; custom dates are whole UTC days, `to` inclusive. */
export function resolveUsageSelection(query: UsageQuery, now = new Date()): UsageSelection {
  if (query.range !== "custom") {
    const preset = USAGE_PRESETS[query.range];
    const granularity = query.granularity ?? preset.granularity;
    let { from, to } = presetPeriod(query.range, now);
    if (granularity === "day") {
      from = startOfDay(from);
      to = new Date(startOfDay(new Date(to.getTime() - 1)).getTime() + DAY_MS);
    }
    const selection = { range: query.range, from, to, granularity, group: query.group, page: query.page, label: preset.label, ...spaceOf(query) };
    return checkSpan(selection);
  }
  if (!query.from || !query.to) throw invalid("from", "choose both dates of a custom range");
  const from = new Date(`${query.from}T00:00:00Z`);
  const to = new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY_MS);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw invalid("from", "not a date");
  // Years 0000 or 9999 would reach Postgres as timestamps it refuses (or a scan of nothing): a 500.
  if (!isWithinInstantBounds(from)) throw invalid("from", INSTANT_BOUNDS_MESSAGE);
  if (!isWithinInstantBounds(new Date(to.getTime() - 1))) throw invalid("to", INSTANT_BOUNDS_MESSAGE);
  if (from >= to) throw invalid("to", "must be on or after the start date");
  const granularity = query.granularity ?? (to.getTime() - from.getTime() <= 2 * DAY_MS ? "hour" : "day");
  return checkSpan({ range: "custom", from, to, granularity, group: query.group, page: query.page, label: `${query.from} to ${query.to}`, ...spaceOf(query) });
}

function spaceOf(query: UsageQuery): { space?: string } {
  return query.space === undefined ? {} : { space: query.space };
}

function checkSpan(selection: UsageSelection): UsageSelection {
  const days = (selection.to.getTime() - selection.from.getTime()) / DAY_MS;
  if (selection.granularity === "hour" && days > MAX_HOURLY_DAYS) {
    throw invalid("granularity", `hourly detail covers at most ${MAX_HOURLY_DAYS} days: choose daily or a shorter range`);
  }
  if (days > MAX_DAILY_DAYS) throw invalid("to", `a range covers at most ${MAX_DAILY_DAYS} days`);
  return selection;
}

/** The query string that reproduces a selection (for links, the CSV and pagination). */
export function usageSearchParams(selection: UsageSelection, overrides: Partial<Record<"page" | "group" | "granularity", string>> = {}): string {
  const params = new URLSearchParams({ range: selection.range });
  if (selection.range === "custom") {
    params.set("from", selection.from.toISOString().slice(0, 10));
    params.set("to", new Date(selection.to.getTime() - DAY_MS).toISOString().slice(0, 10));
  }
  params.set("granularity", overrides.granularity ?? selection.granularity);
  params.set("group", overrides.group ?? selection.group);
  if (overrides.page && overrides.page !== "1") params.set("page", overrides.page);
  if (selection.space !== undefined) params.set("space", selection.space);
  return params.toString();
}
