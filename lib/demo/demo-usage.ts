import type { MeterRecord } from "@/lib/billing/meter-record";
import { emptyUsage, type Usage } from "@/lib/billing/resources";

// Plausible hourly usage for the demo's spaces: a daily rhythm (quiet at night, busy in the afternoon,
// UTC) with a deterministic wobble, so every seed of the same hours produces the same records.
export type SpaceProfile = {
  name: string;
  /** Usage at the busiest hour; other hours scale down from it. */
  peak: Partial<Record<keyof Usage, bigint>>;
};

export const DEMO_SPACES: SpaceProfile[] = [
  {
    name: "whiteboard",
    peak: {
      cpu_ms: 420_000n,
      memory_bytes: 402_653_184n,
      connections: 40n,
      documents: 250n,
      messages: 36_000n,
      bandwidth_bytes: 90_000_000n,
      storage_bytes: 2_147_483_648n,
      first_party_calls: 100n,
    },
  },
  {
    name: "chess-club",
    peak: {
      cpu_ms: 240_000n,
      memory_bytes: 268_435_456n,
      connections: 25n,
      documents: 80n,
      messages: 24_000n,
      bandwidth_bytes: 40_000_000n,
      storage_bytes: 536_870_912n,
      third_party_calls: 20n,
    },
  },
];

const GAUGE_FLOOR = 0.35;

function wobble(seed: string): number {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return 0.85 + (hash % 1000) / 3333;
}

/** The demo record for one space and hour; its id makes re-seeding idempotent. */
export function demoRecord(account: string, space: SpaceProfile, hour: Date): MeterRecord {
  const utcHour = hour.getUTCHours();
  const daily = 0.15 + 0.85 * Math.max(0, Math.sin(((utcHour - 6) / 24) * 2 * Math.PI));
  const factor = daily * wobble(`${space.name}${hour.toISOString()}`);
  const usage = emptyUsage();
  for (const [resource, peak] of Object.entries(space.peak) as Array<[keyof Usage, bigint]>) {
    // Gauges (memory, storage, documents) never drop to zero: the app stays deployed overnight.
    const isLevel = resource === "memory_bytes" || resource === "storage_bytes" || resource === "documents";
    const scale = isLevel ? GAUGE_FLOOR + (1 - GAUGE_FLOOR) * Math.min(1, factor) : factor;
    usage[resource] = (peak * BigInt(Math.round(scale * 1000))) / 1000n;
  }
  return { id: `demo:${account}:${space.name}:${hour.toISOString()}`, account, space: space.name, hour, usage };
}

/** Whole UTC hours in [from, to). */
export function hoursBetween(from: Date, to: Date): Date[] {
  const hours: Date[] = [];
  const start = Math.ceil(from.getTime() / 3_600_000) * 3_600_000;
  for (let time = start; time < to.getTime(); time += 3_600_000) hours.push(new Date(time));
  return hours;
}
