import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import type { AppSession } from "@/lib/session/app-session";
import { CONFIRM_LINK_DAYS } from "./contact-rules";

export type BillingContactStatus = "waiting" | "expired" | "confirmed" | "unsubscribed";

export type BillingContactRow = {
  id: string;
  email: string;
  status: BillingContactStatus;
  since: Date;
  monthlyStatement: boolean;
};

/**
 * The session's own account's billing contacts, oldest first, each with where it stands: waiting for
 * its owner to confirm (or its link expired), confirmed (gets receipts and alerts), or unsubscribed.
 * Empty for a sign-in without an account of its own.
 */
export async function listBillingContacts(db: Queryable, session: AppSession): Promise<BillingContactRow[]> {
  const rows = await db.execute<{
    id: string;
    email: string;
    status: BillingContactStatus;
    since: Date | string;
    monthlyStatement: boolean;
  }>(sql`
    select c.id::text, c.email,
      case
        when c.unsubscribed_at is not null then 'unsubscribed'
        when c.confirmed_at is not null then 'confirmed'
        when c.confirmation_sent_at <= now() - make_interval(days => ${CONFIRM_LINK_DAYS}) then 'expired'
        else 'waiting'
      end as status,
      coalesce(c.unsubscribed_at, c.confirmed_at, c.confirmation_sent_at, c.created_at) as since,
      c.monthly_statement as "monthlyStatement"
    from billing_contacts c join billing_accounts a on a.id = c.account_id
    where a.owner_user_id = ${session.user.id}
    order by c.id`);
  return rows.rows.map((row) => ({ ...row, since: new Date(row.since) }));
}
