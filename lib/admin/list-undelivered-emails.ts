import "server-only";
import { sql } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Queryable } from "@/lib/db/client";
import type { outboxEmailTemplates, paymentNoticeKinds, standingStates } from "@/lib/db/schema";
import { MAX_EMAIL_ATTEMPTS, type OwedEmailKind } from "@/lib/email/email-retry";

export type UndeliveredEmail = {
  kind: OwedEmailKind;
  id: bigint;
  /**
   * What the email was about: a payment notice's kind, the standing a change moved the account to, or an
   * outbox email's template (never its body: an invitation's carries a sign-in token).
   */
  subject:
    | (typeof paymentNoticeKinds)[number]
    | `standing_${(typeof standingStates)[number]}`
    | (typeof outboxEmailTemplates)[number];
  /** The billing account it concerns; null for outbox emails (invitations, waitlist), which precede any account. */
  accountId: string | null;
  /**
   * Where it goes: the account owner's address (null once the account is closed), or the outbox email's
   * recipient. Shown to operators, never logged.
   */
  email: string | null;
  owedSince: Date;
  attempts: number;
  lastAttemptAt: Date | null;
};

export type UndeliveredEmails = {
  /** Given up on (every allowed try failed), newest first. */
  givenUp: UndeliveredEmail[];
  /** How many given up in all (the list stops at `limit`). */
  givenUpCount: number;
  /** Owed and still being retried: a number that climbs during an SMTP outage. */
  retrying: number;
};

type Row = {
  kind: OwedEmailKind;
  id: string;
  subject: UndeliveredEmail["subject"];
  account_id: string | null;
  email: string | null;
  owed_since: Date | string;
  attempts: number;
  last_attempt_at: Date | string | null;
};

// Every owed email as one list: payment notices (receipts, refunds, disputes) and standing-change
// emails, addressed to their account's owner, and the outbox's (invitations, waitlist), addressed as recorded.
const owedEmails = sql`(
  select 'payment_notice' as kind, n.id, n.kind as subject, n.account_id, null as to_address, n.created_at, n.attempts, n.last_attempt_at
  from payment_notices n where n.notified_at is null
  union all
  select 'standing_change', c.id, 'standing_' || c.to_state, c.account_id, null, c.created_at, c.attempts, c.last_attempt_at
  from standing_changes c where c.notified_at is null
  union all
  select 'outbox', e.id, e.template, null, e.to_address, e.created_at, e.attempts, e.last_attempt_at
  from email_outbox e where e.sent_at is null
)`;

/** The owed emails the site gave up on, with their owners' addresses, and how many are still being retried (operators only). */
export async function listUndeliveredEmails(
  db: Queryable,
  session: AppSession | null,
  limit = 200,
): Promise<UndeliveredEmails> {
  requireAdmin(session);
  const [rows, counts] = await Promise.all([
    db.execute<Row>(sql`
      select o.kind, o.id::text, o.subject, o.account_id, coalesce(o.to_address, u.email) as email,
        o.created_at as owed_since, o.attempts, o.last_attempt_at
      from ${owedEmails} o
      left join billing_accounts a on a.id = o.account_id
      left join "user" u on u.id = a.owner_user_id
      where o.attempts >= ${MAX_EMAIL_ATTEMPTS}
      order by o.created_at desc, o.id desc
      limit ${limit}`),
    db.execute<{ given_up: number; retrying: number }>(sql`
      select count(*) filter (where attempts >= ${MAX_EMAIL_ATTEMPTS})::int as given_up,
        count(*) filter (where attempts < ${MAX_EMAIL_ATTEMPTS})::int as retrying
      from ${owedEmails} o`),
  ]);
  return {
    givenUp: rows.rows.map((row) => ({
      kind: row.kind,
      id: BigInt(row.id),
      subject: row.subject,
      accountId: row.account_id,
      email: row.email,
      owedSince: new Date(row.owed_since),
      attempts: row.attempts,
      lastAttemptAt: row.last_attempt_at === null ? null : new Date(row.last_attempt_at),
    })),
    givenUpCount: counts.rows[0]?.given_up ?? 0,
    retrying: counts.rows[0]?.retrying ?? 0,
  };
}
