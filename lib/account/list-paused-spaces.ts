import "server-only";
import type { AppSession } from "@/lib/session/app-session";
import { getSpaceStandings } from "@/lib/budgets/get-space-standings";
import { listSpaceStates } from "@/lib/budgets/list-space-states";
import type { Queryable } from "@/lib/db/client";
import type { SpacePauseReason } from "@/lib/db/schema/spend-controls";
import { getOwnAccountOrThrow } from "./get-own-account";

export type PausedSpace = {
  spaceId: bigint;
  name: string;
  reason: Exclude<SpacePauseReason, "account_frozen">;
  spendMicros: bigint;
  budgetMicros: bigint;
};

/**
 * The spaces of the session's own account that a budget paused this month, for the dashboard's notice.
 * A frozen account's spaces are all paused too, but the frozen notice already says so with the one
 * thing that restarts them (paying), so they are not listed again here.
 */
export async function listPausedSpaces(db: Queryable, session: AppSession, now = new Date()): Promise<PausedSpace[]> {
  const { accountId } = await getOwnAccountOrThrow(db, session);
  // Most dashboards have nothing paused: the spaces and this month's pauses answer that without summing
  // the month's spend of every space (the account bench's 100 spaces); the spend is read only when needed.
  const states = await listSpaceStates(db, accountId, now);
  if (!states.some((space) => space.reason !== null)) return [];
  const standings = await getSpaceStandings(db, accountId, now);
  return standings.spaces.flatMap((space) => {
    if (space.state !== "paused" || space.reason === null || space.reason === "account_frozen") return [];
    const budget = space.reason === "budget" ? space.budget : standings.accountBudget;
    const spendMicros = space.reason === "budget" ? space.spendMicros : standings.accountSpendMicros;
    return budget
      ? [
          {
            spaceId: space.spaceId,
            name: space.name,
            reason: space.reason,
            spendMicros,
            budgetMicros: budget.amountMicros,
          },
        ]
      : [];
  });
}
