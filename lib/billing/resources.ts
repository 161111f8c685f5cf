// The metered resources (DESIGN section 5). Counters sum over the hour; gauges are the hour's p95 level,
// priced per record-hour.
export const RESOURCES = [
  "cpu_ms",
  "memory_bytes",
  "connections",
  "documents",
  "messages",
  "bandwidth_bytes",
  "storage_bytes",
  "first_party_calls",
  "third_party_calls",
] as const;

export type Resource = (typeof RESOURCES)[number];

export const GAUGES: ReadonlySet<Resource> = new Set(["memory_bytes", "connections", "documents", "storage_bytes"]);

export type Usage = Record<Resource, bigint>;

/**
 * A meter record's counters: whole units up to the API's MAX_COUNTER (10^15, a safe integer). The
 * billing API reads them as numbers (a bigint per counter was most of ingestion's garbage); code that
 * builds records itself (seeding, tests) may pass bigints.
 */
export type MeterUsage = Record<Resource, bigint | number>;

export function emptyUsage(): Usage {
  return Object.fromEntries(RESOURCES.map((resource) => [resource, 0n])) as Usage;
}
