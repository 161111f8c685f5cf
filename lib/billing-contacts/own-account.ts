import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";

export type OwnAccount = { accountId: string; ownerEmail: string };

/**
 * The billing account whose contacts a signed-in person may manage: the one they own, found by the
 * session's user id, never by an id from the form. A closed account (its owner's address forgotten)
 * has no contacts to manage.
 */
export async function ownAccountOrThrow(db: Queryable, session: AppSession): Promise<OwnAccount> {
  const found = await db.execute<{ id: string; email: string | null }>(sql`
    select a.id, u.email from billing_accounts a join "user" u on u.id = a.owner_user_id
    where a.owner_user_id = ${session.user.id}
      and not exists (select 1 from account_closures c where c.account_id = a.id)`);
  const row = found.rows[0];
  if (!row?.email) throw new AppError("not_found", { message: "This sign-in has no open billing account." });
  return { accountId: row.id, ownerEmail: row.email };
}
