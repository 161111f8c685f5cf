// Account standing (DESIGN section 6): active above the low threshold, low at or below it, grace at or
// below zero, frozen at or below the floor. Pure, so the ledger model and the database agree; it lives
// in the ledger (the bottom of the money layers) so both the model and billing can use it.
export type StandingState = "active" | "low" | "grace" | "frozen";

export type StandingLimits = { lowThresholdMicros: bigint; floorMicros: bigint };

export function standingFor(balanceMicros: bigint, limits: StandingLimits): StandingState {
  if (balanceMicros <= limits.floorMicros) return "frozen";
  if (balanceMicros <= 0n) return "grace";
  if (balanceMicros <= limits.lowThresholdMicros) return "low";
  return "active";
}
