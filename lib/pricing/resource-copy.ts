import type { Resource } from "@/lib/billing/resources";

/** How each metered resource reads on the pricing page. */
export const RESOURCE_COPY: Record<Resource, { name: string; measures: string }> = {
  cpu_ms: { name: "Compute", measures: "CPU time your space's code runs, to the millisecond." },
  memory_bytes: { name: "Memory", measures: "Memory held, at each hour's 95th percentile." },
  connections: { name: "Connections", measures: "WebSocket connections open, at each hour's 95th percentile." },
  documents: { name: "Live documents", measures: "Documents loaded and syncing, at each hour's 95th percentile." },
  messages: { name: "Messages", measures: "Sync and broadcast messages delivered to clients." },
  bandwidth_bytes: { name: "Bandwidth", measures: "Data sent from Tandem to your users." },
  storage_bytes: { name: "Storage", measures: "Persisted state and snapshots, measured every hour." },
  first_party_calls: {
    name: "Platform calls",
    measures: "Calls to Tandem's built-in services: auth, presence, scheduling.",
  },
  third_party_calls: {
    name: "Outbound calls",
    measures: "HTTP calls your space makes to other services through Tandem.",
  },
};
