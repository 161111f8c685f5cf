import "server-only";
import type { AppSession } from "@/lib/session/app-session";
import { getSpaceStandings, type SpaceStandings } from "@/lib/budgets/get-space-standings";
import type { Queryable } from "@/lib/db/client";
import { getOwnAccountOrThrow } from "./get-own-account";
import { readSpaceCosts, type SpaceCost } from "./get-space-costs";

type SpaceStanding = SpaceStandings["spaces"][number];

/** A space as the spaces page shows it: its month's cost by resource, its standing and its budget. */
export type SpaceSpendControl = SpaceCost & Pick<SpaceStanding, "spaceId" | "state" | "reason" | "budget">;

export type SpendControls = {
  monthStart: Date;
  totalMicros: bigint;
  accountBudget: SpaceStandings["accountBudget"];
  accountSpendMicros: bigint;
  isFrozen: boolean;
  /** Costliest first, as the spaces page always listed them. */
  spaces: SpaceSpendControl[];
};

/**
 * The spaces page's read: each space's month by resource (get-space-costs) beside its standing and
 * budget (lib/budgets), for the session's own account. Two statements side by side; a space created
 * between them (its first usage record) shows up on the next load.
 */
export async function getSpendControls(db: Queryable, session: AppSession, now = new Date()): Promise<SpendControls> {
  const { accountId } = await getOwnAccountOrThrow(db, session);
  const [costs, standings] = await Promise.all([
    readSpaceCosts(db, accountId, now),
    getSpaceStandings(db, accountId, now),
  ]);
  const byName = new Map(standings.spaces.map((space) => [space.name, space]));
  const spaces = costs.spaces.flatMap((space) => {
    const standing = byName.get(space.name);
    return standing
      ? [
          {
            ...space,
            spaceId: standing.spaceId,
            state: standing.state,
            reason: standing.reason,
            budget: standing.budget,
          },
        ]
      : [];
  });
  return {
    monthStart: costs.monthStart,
    totalMicros: costs.totalMicros,
    accountBudget: standings.accountBudget,
    accountSpendMicros: standings.accountSpendMicros,
    isFrozen: standings.account.state === "frozen",
    spaces,
  };
}
