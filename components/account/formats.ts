// How the account area writes times and units for people. UTC throughout, said so on the pages.
import { GAUGES, RESOURCES, type Resource } from "@/lib/billing/resources";
import { RESOURCE_COPY } from "@/lib/pricing/resource-copy";

const RESOURCE_UNITS: Record<Resource, string> = {
  cpu_ms: "CPU-ms",
  memory_bytes: "byte-hours",
  connections: "connection-hours",
  documents: "document-hours",
  messages: "messages",
  bandwidth_bytes: "bytes",
  storage_bytes: "byte-hours",
  first_party_calls: "calls",
  third_party_calls: "calls",
};

/** Each resource's name as the pricing page gives it (one name everywhere), and its unit in usage tables. */
export const RESOURCE_LABELS = Object.fromEntries(
  RESOURCES.map((resource) => [resource, { name: RESOURCE_COPY[resource].name, unit: RESOURCE_UNITS[resource] }]),
) as Record<Resource, { name: string; unit: string }>;

export function isGauge(resource: Resource): boolean {
  return GAUGES.has(resource);
}

export function formatUnits(units: bigint): string {
  return units.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function formatBucket(start: Date, granularity: "hour" | "day"): string {
  const iso = start.toISOString();
  return granularity === "hour" ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

export function shortBucket(start: Date, granularity: "hour" | "day"): string {
  const iso = start.toISOString();
  return granularity === "hour" ? iso.slice(11, 16) : iso.slice(5, 10);
}

// Built once: toLocaleDateString with options builds a new ICU formatter on every call (~0.3 ms).
const shortDate = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const longDate = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

/** "Nov 29, 2026" (UTC). */
export function formatDate(at: Date): string {
  return shortDate.format(at);
}

/** "November 29, 2026" (UTC). */
export function formatLongDate(at: Date): string {
  return longDate.format(at);
}

export function formatDateTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
