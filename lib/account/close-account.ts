import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { AppSession } from "@/lib/session/app-session";
import { applyStanding, type StandingChange } from "@/lib/billing/apply-standing";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { lockOwnAccount } from "./update-settings";

// A floor no balance can be above: standingFor() then answers `frozen` for every balance, so any
// posting that arrives later (a late meter batch, a refund) recomputes the closed account to frozen
// again, and the billing API tells the platform to refuse its work.
const CLOSED_FLOOR_MICROS = 9_223_372_036_854_775_807n;

/** The closing form: the person types CLOSE (any case), so no stray click deletes an account. */
export const closeAccountSchema = z.object({ confirm: z.string().trim().refine((value) => value.toLowerCase() === "close", "type CLOSE to confirm") });

export type ClosedAccount = { accountId: string; remainingMicros: bigint; standingChanges: StandingChange[] };

/**
 * Closes the session's own account, in one transaction: records the credit left (it stays in the
 * ledger, whose history is immutable; nothing is moved), freezes the account for good, forgets the
 * person's name and email (so no sign-in link can reach it and no more alerts are sent), and ends
 * every session and linked sign-in.
 */
export async function closeAccount(db: Database, session: AppSession): Promise<ClosedAccount> {
  return runTransaction(db, async (tx) => {
    const account = await lockOwnAccount(tx, session);
    if (account.closed) throw new AppError("conflict", { message: "This account is already closed." });
    await tx.execute(sql`insert into account_closures (account_id, remaining_micros) values (${account.accountId}, ${account.balance.toString()}::bigint)`);
    await tx.execute(sql`update billing_accounts set floor_micros = ${CLOSED_FLOOR_MICROS.toString()}::bigint where id = ${account.accountId}`);
    const standingChanges = await applyStanding(tx, { balances: new Map([[account.accountId, account.balance]]), cause: "account closed" });
    // Nobody is left to email about it (the closing page says so instead), nor about anything else the
    // account was still owed: its unsent emails go, with the address they carry.
    await tx.execute(sql`delete from email_outbox where account_id = ${account.accountId} and sent_at is null`);
    await tx.execute(sql`delete from "session" where "userId" = ${session.user.id}`);
    await tx.execute(sql`delete from "account" where "userId" = ${session.user.id}`);
    await tx.execute(sql`update "user" set email = null, name = null where id = ${session.user.id}`);
    return { accountId: account.accountId, remainingMicros: account.balance, standingChanges };
  });
}
