import type { StandingState } from "@/lib/ledger/standing";

// Which standing emails an owner may switch off (alert_preferences). The frozen email is always sent:
// it says the apps stopped taking work, which nobody should learn from their users.
export type AlertChoices = { lowBalance: boolean; ranOut: boolean; recovered: boolean };

export const ALL_ALERTS: AlertChoices = { lowBalance: true, ranOut: true, recovered: true };

const RANK: Record<StandingState, number> = { active: 3, low: 2, grace: 1, frozen: 0 };

/** Whether the owner wants the email for a change from `from` to `to`. */
export function wantsStandingEmail(choices: AlertChoices, from: StandingState, to: StandingState): boolean {
  if (to === "frozen") return true;
  if (RANK[to] > RANK[from]) return choices.recovered;
  return to === "low" ? choices.lowBalance : choices.ranOut;
}
