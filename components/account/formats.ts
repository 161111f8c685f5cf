// How the account area writes times and units for people.
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

// Usage hours and dates are shown in the person's time zone (settings; the browser's until they choose).
// Day buckets stay UTC days: that is how usage is rolled up and billed, and the tables say so.

type DateParts = { year: string; month: string; day: string; hour: string; minute: string };

// Built once per zone and kind: an Intl.DateTimeFormat costs ~0.3 ms to build, a page formats hundreds.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: "parts" | "short" | "long" | "zoneName", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let built = formatters.get(key);
  if (!built) {
    const options: Record<typeof kind, Intl.DateTimeFormatOptions> = {
      parts: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
      short: { year: "numeric", month: "short", day: "numeric" },
      long: { year: "numeric", month: "long", day: "numeric" },
      zoneName: { timeZoneName: "short" },
    };
    built = new Intl.DateTimeFormat(kind === "parts" ? "en-CA" : "en-US", { ...options[kind], timeZone });
    formatters.set(key, built);
  }
  return built;
}

function partsIn(at: Date, timeZone: string): DateParts {
  const parts = Object.fromEntries(formatter("parts", timeZone).formatToParts(at).map((part) => [part.type, part.value]));
  return { year: parts.year ?? "", month: parts.month ?? "", day: parts.day ?? "", hour: parts.hour ?? "", minute: parts.minute ?? "" };
}

/** "GMT+5:30", "EST", "UTC": the zone as a short label for a column or a time. */
export function zoneLabel(timeZone: string, at = new Date()): string {
  if (timeZone === "UTC") return "UTC";
  return formatter("zoneName", timeZone).formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** A table's period: "2026-12-06 19:30" (an hour, in the zone) or "2026-12-06" (a UTC day). */
export function formatBucket(start: Date, granularity: "hour" | "day", timeZone = "UTC"): string {
  if (granularity === "day") return start.toISOString().slice(0, 10);
  const p = partsIn(start, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A chart's tick: "19:30" (an hour, in the zone) or "12-06" (a UTC day). */
export function shortBucket(start: Date, granularity: "hour" | "day", timeZone = "UTC"): string {
  if (granularity === "day") return start.toISOString().slice(5, 10);
  const p = partsIn(start, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** The header of a table's period column: "Hour (GMT+5:30)", "Day (UTC)". */
export function bucketHeading(granularity: "hour" | "day", timeZone = "UTC"): string {
  return granularity === "hour" ? `Hour (${zoneLabel(timeZone)})` : "Day (UTC)";
}

/** "Nov 29, 2026", in the zone. */
export function formatDate(at: Date, timeZone = "UTC"): string {
  return formatter("short", timeZone).format(at);
}

/** "November 29, 2026", in the zone. */
export function formatLongDate(at: Date, timeZone = "UTC"): string {
  return formatter("long", timeZone).format(at);
}

/** "2026-11-29 14:05 UTC", "2026-11-29 19:35 GMT+5:30". */
export function formatDateTime(at: Date, timeZone = "UTC"): string {
  return `${formatBucket(at, "hour", timeZone)} ${zoneLabel(timeZone, at)}`;
}
