// How the account area writes times and units for people. UTC throughout, said so on the pages.
import { GAUGES, type Resource } from "@/lib/billing/resources";

export const RESOURCE_LABELS: Record<Resource, { name: string; unit: string }> = {
  cpu_ms: { name: "CPU", unit: "CPU-ms" },
  memory_bytes: { name: "Memory", unit: "byte-hours" },
  connections: { name: "Connections", unit: "connection-hours" },
  documents: { name: "Documents", unit: "document-hours" },
  messages: { name: "Messages", unit: "messages" },
  bandwidth_bytes: { name: "Bandwidth", unit: "bytes" },
  storage_bytes: { name: "Storage", unit: "byte-hours" },
  first_party_calls: { name: "First-party calls", unit: "calls" },
  third_party_calls: { name: "Third-party calls", unit: "calls" },
};

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
