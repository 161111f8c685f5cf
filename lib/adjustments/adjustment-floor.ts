// The floor rule for an operator's debit (issue 18; DESIGN section 4 "Bounds"). Pure, so it is unit-tested
// without a database and the request page can say the same thing the posting enforces.
//
// Usage past the floor is recorded and the excess written off, because the usage already happened. An
// operator's debit is a choice made now, so it is never posted and given back: a debit that would leave
// the balance at or below the floor (and so freeze the account) needs the operator's explicit "allow
// freeze", and even then it may take the balance down to the floor and no further. The customer never
// owes more than the floor, whoever moved the money.
import { standingFor, type StandingLimits } from "@/lib/ledger/standing";

export type FloorCheckInput = {
  balanceMicros: bigint;
  amountMicros: bigint;
  floorMicros: bigint;
  allowFreeze: boolean;
};

export type FloorProblem =
  | { kind: "would_freeze"; balanceAfterMicros: bigint }
  | { kind: "past_floor"; balanceAfterMicros: bigint; mostMicros: bigint };

/**
 * What stops a debit of `amountMicros`, or undefined when it may post. A floor above zero is a closed
 * account's (decision 0011): its credit may be drawn to zero at most, as usage does.
 */
export function debitFloorProblem(input: FloorCheckInput): FloorProblem | undefined {
  const balanceAfterMicros = input.balanceMicros - input.amountMicros;
  const lowest = input.floorMicros > 0n ? 0n : input.floorMicros;
  if (balanceAfterMicros < lowest) {
    const most = input.balanceMicros - lowest;
    return { kind: "past_floor", balanceAfterMicros, mostMicros: most > 0n ? most : 0n };
  }
  const limits: StandingLimits = { lowThresholdMicros: 0n, floorMicros: input.floorMicros };
  if (!input.allowFreeze && standingFor(balanceAfterMicros, limits) === "frozen")
    return { kind: "would_freeze", balanceAfterMicros };
  return undefined;
}
