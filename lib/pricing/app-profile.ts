// The calculator asks about an app in words a developer knows (peak concurrent users, messages per
// user per day, ...) and turns them into the metered quantities billing prices (MonthlyUsage), with
// whole-number arithmetic only, so the estimate of those quantities stays exact to the micro-dollar.
import type { MonthlyUsage } from "./estimate";
import { formatCount } from "./format-price";

/** What a developer can say about their app; every field a whole number. */
export type AppProfile = {
  /** People with the app open at the busiest hour: one connection each. */
  peakUsers: bigint;
  /** People who share one document, board or game (0: nothing shared, no live documents). */
  usersPerDocument: bigint;
  memoryPerDocumentMib: bigint;
  dailyUsers: bigint;
  /** Updates each person's device receives in a day: edits, cursor moves, chat. */
  messagesPerUserPerDay: bigint;
  messageBytes: bigint;
  /** Server CPU to handle 1,000 messages, in milliseconds. */
  cpuMsPerThousandMessages: bigint;
  storedGib: bigint;
  platformCallsPerUserPerDay: bigint;
  outboundCallsPerDay: bigint;
};

export type ProfileField = keyof AppProfile;

const CPU_MS_PER_HOUR = 3_600_000n;
const BYTES_PER_GB = 1_000_000_000n;

/** a / b rounded up: the estimate never prices less than the profile implies. */
function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** A daily count over the estimate's month of 730 hours, i.e. 365/12 days, rounded up. */
export function perMonth(perDay: bigint): bigint {
  return ceilDiv(perDay * 365n, 12n);
}

/**
 * The month of metered usage a profile means. Levels (connections, documents, memory, storage) are
 * taken at the peak for every hour of the month, so the estimate is what the busiest month would cost;
 * CPU-hours and GB are rounded up to whole ones.
 */
export function profileToUsage(profile: AppProfile): MonthlyUsage {
  const documents = profile.usersPerDocument === 0n ? 0n : ceilDiv(profile.peakUsers, profile.usersPerDocument);
  const messages = perMonth(profile.dailyUsers * profile.messagesPerUserPerDay);
  return {
    cpuHours: ceilDiv(messages * profile.cpuMsPerThousandMessages, 1_000n * CPU_MS_PER_HOUR),
    memoryMib: documents * profile.memoryPerDocumentMib,
    connections: profile.peakUsers,
    documents,
    messages,
    bandwidthGb: ceilDiv(messages * profile.messageBytes, BYTES_PER_GB),
    storageGib: profile.storedGib,
    firstPartyCalls: perMonth(profile.dailyUsers * profile.platformCallsPerUserPerDay),
    thirdPartyCalls: perMonth(profile.outboundCallsPerDay),
  };
}

export type ProfileFieldCopy = {
  field: ProfileField;
  label: string;
  /** What to count, in a few words. */
  hint: string;
  /** The metered quantity this input becomes, as shown beneath it. */
  metric: (usage: MonthlyUsage, profile: AppProfile) => string;
};

/** The calculator's inputs, in the order shown. */
export const PROFILE_FIELDS: ProfileFieldCopy[] = [
  {
    field: "peakUsers",
    label: "Peak concurrent users",
    hint: "People with your app open at the busiest hour.",
    metric: (usage) => `${formatCount(usage.connections)} connections, every hour`,
  },
  {
    field: "usersPerDocument",
    label: "People per shared document",
    hint: "Who edit or watch one document, board or game together.",
    metric: (usage) => `${formatCount(usage.documents)} live documents, every hour`,
  },
  {
    field: "memoryPerDocumentMib",
    label: "Memory per live document (MiB)",
    hint: "State your code keeps in memory for one document.",
    metric: (usage) => `${formatCount(usage.memoryMib)} MiB of memory, every hour`,
  },
  {
    field: "dailyUsers",
    label: "Daily active users",
    hint: "People who open your app on a typical day.",
    metric: (_usage, profile) => `${formatCount(perMonth(profile.dailyUsers))} user-days a month`,
  },
  {
    field: "messagesPerUserPerDay",
    label: "Messages per user per day",
    hint: "Updates each person's device receives: edits, cursor moves, chat.",
    metric: (usage) => `${formatCount(usage.messages)} messages a month`,
  },
  {
    field: "messageBytes",
    label: "Average message size (bytes)",
    hint: "What one update weighs on the wire.",
    metric: (usage) => `${formatCount(usage.bandwidthGb)} GB of bandwidth a month`,
  },
  {
    field: "cpuMsPerThousandMessages",
    label: "Server CPU per 1,000 messages (ms)",
    hint: "Time your space's code runs to check and apply them.",
    metric: (usage) => `${formatCount(usage.cpuHours)} CPU-hours a month`,
  },
  {
    field: "storedGib",
    label: "Data kept (GiB)",
    hint: "Documents, history and snapshots you store.",
    metric: (usage) => `${formatCount(usage.storageGib)} GiB stored, every hour`,
  },
  {
    field: "platformCallsPerUserPerDay",
    label: "Platform calls per user per day",
    hint: "Sign-ins, presence and scheduled jobs through Tandem.",
    metric: (usage) => `${formatCount(usage.firstPartyCalls)} platform calls a month`,
  },
  {
    field: "outboundCallsPerDay",
    label: "Outside API calls per day",
    hint: "HTTP calls your space makes to other services.",
    metric: (usage) => `${formatCount(usage.thirdPartyCalls)} outbound calls a month`,
  },
];
