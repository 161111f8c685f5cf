import { createHash } from "node:crypto";
import type { TransferInput } from "./types";

/** A stable digest of what a transfer means, to tell a replay from a conflicting reuse of its key. */
export function transferPayloadHash(input: TransferInput): string {
  const metadata = Object.entries(input.metadata ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = JSON.stringify([
    input.kind,
    input.fromAccountId.toString(),
    input.toAccountId.toString(),
    input.amountMicros.toString(),
    input.reason ?? null,
    input.reversesTransferId?.toString() ?? null,
    metadata,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}
