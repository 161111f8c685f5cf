import type { TransferInput } from "@/lib/ledger/types";

// The promise the site makes (DESIGN section 4 "Bounds"): usage never takes a customer below the
// overdraft floor; "your worst case is a paused app, not a bill". Usage that is metered after the account
// reached its floor (hosts report an hour late, and a frozen account's last hour still ran) is recorded
// in full, because it happened, and the part that would go below the floor is written off in the same
// transaction: a `usage_write_off` transfer from the platform's write-off account back to the customer.
// The statement shows both (the usage line and the write-off credit) and still sums to the balance.

export const USAGE_WRITE_OFF_REASON = "Usage past your overdraft floor, written off";

/**
 * The part of a usage charge that would take the balance below the floor: 0 when the balance after
 * the charge is at or above the floor, the whole charge when the balance already is at or below it.
 * A floor above zero is a closed account's (decision 0011: raised so its standing is always frozen);
 * such an account has nobody left to owe anything, so its usage draws its credit down to zero at most.
 */
export function usageWriteOffMicros(balanceMicros: bigint, floorMicros: bigint, chargeMicros: bigint): bigint {
  const floor = floorMicros > 0n ? 0n : floorMicros;
  const room = balanceMicros - floor;
  if (room >= chargeMicros) return 0n;
  return room <= 0n ? chargeMicros : chargeMicros - room;
}

export type UsageWriteOffOptions = {
  /** The usage transfer it offsets (posted in the same call, so both or neither exist). */
  usage: TransferInput;
  customerLedgerId: bigint;
  writeOffLedgerId: bigint;
  amountMicros: bigint;
};

/**
 * The write-off of a usage transfer. Its key is derived from the usage transfer's key, so a retried
 * batch replays both, and the usage key is in its metadata for the statement and for auditors.
 */
export function usageWriteOffTransfer(options: UsageWriteOffOptions): TransferInput {
  return {
    idempotencyKey: `write-off:${options.usage.idempotencyKey}`,
    kind: "usage_write_off",
    fromAccountId: options.writeOffLedgerId,
    toAccountId: options.customerLedgerId,
    amountMicros: options.amountMicros,
    reason: USAGE_WRITE_OFF_REASON,
    metadata: { usage_transfer_key: options.usage.idempotencyKey, usage_micros: options.usage.amountMicros.toString() },
  };
}
