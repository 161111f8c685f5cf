import { sql } from "drizzle-orm";
import { bigint } from "drizzle-orm/pg-core";

const usageColumn = (name: string) =>
  bigint(name, { mode: "bigint" })
    .notNull()
    .default(sql`0`);

/**
 * The units and billed cost of every resource, one column pair each: usage_hours (per hour) and its
 * rollup usage_days (per UTC day) have the same columns. A function, so each table gets its own column
 * builders. A new resource is added here and in lib/billing/resources.ts, then by a migration to both
 * tables, the `usage_hourly` view, ingestion's store statement and the delete and truncate triggers.
 */
export const usageResourceColumns = () => ({
  cpuMs: usageColumn("cpu_ms"),
  memoryBytes: usageColumn("memory_bytes"),
  connections: usageColumn("connections"),
  documents: usageColumn("documents"),
  messages: usageColumn("messages"),
  bandwidthBytes: usageColumn("bandwidth_bytes"),
  storageBytes: usageColumn("storage_bytes"),
  firstPartyCalls: usageColumn("first_party_calls"),
  thirdPartyCalls: usageColumn("third_party_calls"),
  cpuMsCost: usageColumn("cpu_ms_cost"),
  memoryBytesCost: usageColumn("memory_bytes_cost"),
  connectionsCost: usageColumn("connections_cost"),
  documentsCost: usageColumn("documents_cost"),
  messagesCost: usageColumn("messages_cost"),
  bandwidthBytesCost: usageColumn("bandwidth_bytes_cost"),
  storageBytesCost: usageColumn("storage_bytes_cost"),
  firstPartyCallsCost: usageColumn("first_party_calls_cost"),
  thirdPartyCallsCost: usageColumn("third_party_calls_cost"),
});
