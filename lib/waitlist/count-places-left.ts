import "server-only";
import type { Transaction } from "@/lib/db/client";
import { countCappedAccounts, countOutstandingInvites, lockAccountCreation } from "@/lib/invites/account-capacity";
import { getLaunchSettings } from "@/lib/settings/launch-settings";
import type { WaitlistCapacity } from "./describe-capacity-shortfall";

/**
 * Places under the account cap not yet taken by an account or promised to an invitation still out,
 * for an approval (single or bulk) about to give some. It takes the account-creation lock first and
 * holds it to the end of the caller's transaction: no sign-up or other approval can take a place
 * while these are counted and given.
 */
export async function countPlacesLeft(tx: Transaction): Promise<WaitlistCapacity> {
  await lockAccountCreation(tx);
  const [settings, accounts, outstanding] = await Promise.all([getLaunchSettings(tx), countCappedAccounts(tx), countOutstandingInvites(tx)]);
  return { accountCap: settings.accountCap, placesLeft: Math.max(0, settings.accountCap - accounts - outstanding) };
}
