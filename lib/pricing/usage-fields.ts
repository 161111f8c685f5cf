import type { MonthlyUsage, UsageField } from "./estimate";

/** The calculator's inputs, in the order shown, with the unit each is asked in. */
export const USAGE_FIELDS: Array<{ field: UsageField; label: string; unit: string }> = [
  { field: "cpuHours", label: "CPU time", unit: "CPU-hours a month" },
  { field: "memoryMib", label: "Memory held", unit: "MiB, typical hour" },
  { field: "connections", label: "Open connections", unit: "at once, typical hour" },
  { field: "documents", label: "Live documents", unit: "at once, typical hour" },
  { field: "messages", label: "Messages", unit: "a month" },
  { field: "bandwidthGb", label: "Bandwidth", unit: "GB a month" },
  { field: "storageGib", label: "Storage", unit: "GiB" },
  { field: "firstPartyCalls", label: "Platform calls", unit: "a month" },
  { field: "thirdPartyCalls", label: "Outbound calls", unit: "a month" },
];

/** Largest value an input accepts (twelve digits): far beyond any real month, and exact as bigint. */
export const MAX_INPUT_DIGITS = 12;

/** Parses one input: whole non-negative numbers only (commas and spaces allowed); otherwise undefined. */
export function parseUsageInput(text: string): bigint | undefined {
  const digits = text.replace(/[,\s_]/g, "");
  if (digits === "") return 0n;
  if (!/^\d+$/.test(digits) || digits.replace(/^0+/, "").length > MAX_INPUT_DIGITS) return undefined;
  return BigInt(digits);
}

export function usageToInputs(usage: MonthlyUsage): Record<UsageField, string> {
  return Object.fromEntries(USAGE_FIELDS.map(({ field }) => [field, usage[field].toString()])) as Record<
    UsageField,
    string
  >;
}
