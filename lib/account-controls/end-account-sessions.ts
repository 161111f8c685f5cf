import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/db/client";
import { authSessions } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import { lockControlledAccount } from "./lock-controlled-account";

/**
 * "End all sessions" on the account page: every signed-in browser of the account's owner is signed out
 * (database sessions, so the next request finds none). Audited with the count; no email, as the
 * owner's own "sign out everywhere" sends none.
 */
export async function endAccountSessions(db: Database, session: AppSession | null, accountId: string): Promise<number> {
  const operator = requireAdmin(session);
  return runTransaction(db, async (tx) => {
    const account = await lockControlledAccount(tx, accountId);
    const ended = await tx
      .delete(authSessions)
      .where(eq(authSessions.userId, account.ownerUserId))
      .returning({ token: authSessions.sessionToken });
    await recordAudit(tx, {
      session: operator,
      action: "account.end-sessions",
      target: `account:${account.accountId}`,
      before: { sessions: ended.length },
      after: { sessions: 0 },
    });
    return ended.length;
  });
}
