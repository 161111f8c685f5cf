import "server-only";
import { AppError } from "@/lib/errors";
import type { MeterRecord } from "@/lib/billing/meter-record";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// At most this many late records are itemised; the count of the rest is given.
const MAX_LISTED = 20;

export type LatenessOptions = { maxLatenessDays: number; now?: number };

/** The earliest hour still accepted: the current UTC hour's start, less the bound in days. */
export function earliestAcceptedHour(options: LatenessOptions): Date {
  const now = options.now ?? Date.now();
  return new Date(Math.floor(now / HOUR_MS) * HOUR_MS - options.maxLatenessDays * DAY_MS);
}

/**
 * Refuses (400 `validation_failed`) a batch holding usage for an hour older than the lateness bound:
 * a closed month must not be billed again by a host that replays old meters. Names the bound and each
 * late record (index, id, hour); nothing of the batch is stored.
 */
export function refuseLateUsageOrThrow(records: MeterRecord[], options: LatenessOptions): void {
  const earliest = earliestAcceptedHour(options).getTime();
  const late: number[] = [];
  records.forEach((record, index) => {
    if (record.hour.getTime() < earliest) late.push(index);
  });
  if (late.length === 0) return;
  const bound = `${options.maxLatenessDays} days`;
  const message = `must be at most ${bound} before the current hour (not before ${new Date(earliest).toISOString()})`;
  const first = late[0]!;
  const more = late.length > 1 ? ` (and ${late.length - 1} more)` : "";
  throw new AppError("validation_failed", {
    message: `records[${first}].hour: ${message}${more}. Usage older than ${bound} is not accepted. Nothing was stored.`,
    details: {
      record: first,
      field: "hour",
      max_lateness_days: options.maxLatenessDays,
      earliest_hour: new Date(earliest).toISOString(),
      fields: late.slice(0, MAX_LISTED).map((index) => ({
        path: `records[${index}].hour`,
        message,
        record: index,
        field: "hour",
        id: records[index]!.id,
        hour: records[index]!.hour.toISOString(),
      })),
      ...(late.length > MAX_LISTED ? { more_fields: late.length - MAX_LISTED } : {}),
    },
  });
}
