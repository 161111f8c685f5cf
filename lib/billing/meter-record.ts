import { createHash } from "node:crypto";
import { RESOURCES, type Usage } from "./resources";

/** One validated meter record: a space's usage for one hour, from one host. */
export type MeterRecord = { id: string; account: string; space: string; hour: Date; usage: Usage };

/** A stable digest of a record's content: equal for a true duplicate, different for a conflicting reuse. */
export function meterRecordHash(record: MeterRecord): string {
  const canonical = [record.account, record.space, record.hour.toISOString(), ...RESOURCES.map((r) => record.usage[r].toString())];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}
