import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { dropOwedEmails } from "./drop-owed-emails";

/**
 * Removes a billing contact of the session's own account: its row goes, so its links (confirmation and
 * unsubscribe) stop naming anyone, and the emails still owed to it are taken back. Scoped by the
 * session's user id in the statement itself: another account's contact is `not_found`.
 */
export async function removeBillingContact(db: Database, session: AppSession, contactId: bigint): Promise<string> {
  return runTransaction(db, async (tx) => {
    const removed = await tx.execute<{ account_id: string; email: string }>(sql`
      delete from billing_contacts c using billing_accounts a
      where c.id = ${contactId} and a.id = c.account_id and a.owner_user_id = ${session.user.id}
      returning c.account_id, c.email`);
    const row = removed.rows[0];
    if (!row) throw new AppError("not_found", { message: "That contact is not on this account." });
    await dropOwedEmails(tx, { accountId: row.account_id, contactId, email: row.email });
    return row.email;
  });
}
