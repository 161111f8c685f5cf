// `usage_write_off`: usage rated past a customer's overdraft floor, given back from the write-off account
// in the transaction that posted the usage (DESIGN section 4 "Bounds"; lib/billing/usage-write-offs.ts).
// `incident_credit`: usage billed during a declared incident, given back once per incident and account
// (lib/incidents/credit-incident.ts).
export const TRANSFER_KINDS = [
  "top_up",
  "usage",
  "grant",
  "refund",
  "dispute",
  "dispute_won",
  "adjustment",
  "reversal",
  "usage_write_off",
  "incident_credit",
] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export type TransferInput = {
  /** The external fact's key; the same key with the same content replays, with other content conflicts. */
  idempotencyKey: string;
  kind: TransferKind;
  fromAccountId: bigint;
  toAccountId: bigint;
  amountMicros: bigint;
  reason?: string;
  metadata?: Record<string, string>;
  reversesTransferId?: bigint;
};

export type PostedTransfer = TransferInput & { id: bigint; isReplay: boolean };

export type PostResult = {
  transfers: PostedTransfer[];
  /** Balances after posting, of every ledger account the call touched (locked until commit). */
  balances: Map<bigint, bigint>;
};
