import type { TransferKind } from "./get-statement";

/** What a person calls each kind of movement on the statement. */
export const KIND_LABELS: Record<TransferKind, string> = {
  top_up: "Top-up",
  usage: "Usage",
  usage_write_off: "Usage past the floor, written off",
  grant: "Grant",
  refund: "Refund",
  dispute: "Dispute",
  dispute_won: "Dispute won",
  adjustment: "Adjustment",
  reversal: "Reversal",
  incident_credit: "Incident credit",
};
