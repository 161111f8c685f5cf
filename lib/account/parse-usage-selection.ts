import { AppError } from "@/lib/errors";
import { resolveUsageSelection, usageQuerySchema, type UsageSelection } from "./usage-range";

/**
 * The usage page's query string as a selection; bad input is a clear error (`AppError`), never a
 * silent fallback, so the page can say what was wrong and the CSV route can answer 400.
 */
export function parseUsageSelectionOrThrow(params: Record<string, string | string[] | undefined>, now = new Date()): UsageSelection {
  const flat = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  for (const key of ["from", "to", "granularity", "space"]) if (flat[key] === "") delete flat[key];
  const parsed = usageQuerySchema.safeParse(flat);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join(".") || "query";
    throw new AppError("validation_failed", { message: `${path}: ${issue.message}.`, details: { fields: [{ path, message: issue.message }] } });
  }
  return resolveUsageSelection(parsed.data, now);
}
