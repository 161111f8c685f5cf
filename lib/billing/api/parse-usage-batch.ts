import "server-only";
import { AppError } from "@/lib/errors";
import type { MeterRecord } from "@/lib/billing/meter-record";
import { RESOURCES, type MeterUsage } from "@/lib/billing/resources";
import { getEnv } from "@/lib/env";
import { readUsageBatchFast } from "./read-usage-batch-fast";
import { refuseLateUsageOrThrow, type LatenessOptions } from "./refuse-late-usage";
import { MAX_RECORDS_PER_BATCH, usageBatchSchema } from "./schemas";
import { toValidationError } from "./validation-error";

/**
 * A usage batch body as meter records, or the error that refuses it: 413 past 1,000 records (counted
 * before any record is validated), else 400 `validation_failed` naming the first bad record and field,
 * or every record older than the lateness bound (`USAGE_MAX_LATENESS_DAYS`). Plainly valid batches take
 * the hand-written fast path; everything else is judged by the schema.
 */
export function parseUsageBatchOrThrow(
  body: unknown,
  lateness: LatenessOptions = { maxLatenessDays: getEnv().usageMaxLatenessDays },
): MeterRecord[] {
  const records = (body as { records?: unknown } | null)?.records;
  if (Array.isArray(records) && records.length > MAX_RECORDS_PER_BATCH) {
    throw new AppError("payload_too_large", {
      message: `A batch holds at most ${MAX_RECORDS_PER_BATCH} records; this one has ${records.length}. Nothing was stored.`,
      details: { max_records: MAX_RECORDS_PER_BATCH, records: records.length },
    });
  }
  const parsed = readUsageBatchFast(body) ?? parseUsageBatchWithSchema(body);
  refuseLateUsageOrThrow(parsed, lateness);
  return parsed;
}

/** The batch judged by the zod schema alone: the reference the fast path is tested against. */
export function parseUsageBatchWithSchema(body: unknown): MeterRecord[] {
  const parsed = usageBatchSchema.safeParse(body);
  if (!parsed.success) throw toValidationError(parsed.error, { note: "Nothing was stored." });
  return parsed.data.records.map((record) => ({
    id: record.id,
    account: record.account,
    space: record.space,
    hour: record.hour,
    // Counters are at most MAX_COUNTER, a safe integer: numbers, as the fast path gives them.
    usage: Object.fromEntries(RESOURCES.map((resource) => [resource, Number(record[resource] ?? 0n)])) as MeterUsage,
  }));
}
