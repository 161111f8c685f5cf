import "server-only";
import { sql } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Queryable } from "@/lib/db/client";
import type { OutboxEmailTemplate, paymentNoticeKinds, standingStates } from "@/lib/db/schema";
import { MAX_EMAIL_ATTEMPTS, owedEmailKindOf, type OwedEmailKind } from "@/lib/email/email-retry";

export type UndeliveredEmail = {
  kind: OwedEmailKind;
  id: bigint;
  /**
   * What the email was about: a payment notice's kind, the standing a change moved the account to, or
   * any other email's template (never its body: a sign-in link or an invitation carries a token).
   */
  subject:
    | (typeof paymentNoticeKinds)[number]
    | `standing_${(typeof standingStates)[number]}`
    | Exclude<OutboxEmailTemplate, `payment-${string}` | `standing-${string}`>;
  /** The billing account it concerns; null for emails about none (sign-in, invitations, waitlist). */
  accountId: string | null;
  /**
   * Where it goes: the address it was addressed to (the owner's or a billing contact's; null once the
   * account it is about is closed, since the sender settles those unsent). Shown to operators, never logged.
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
  id: string;
  template: OutboxEmailTemplate;
  account_id: string | null;
  email: string | null;
  owed_since: Date | string;
  attempts: number;
  last_attempt_at: Date | string | null;
};

/** What a given-up email was about, by its template: `payment-dispute-opened` → `dispute_opened`, `standing-low` → `standing_low`. */
function subjectOf(template: OutboxEmailTemplate): UndeliveredEmail["subject"] {
  if (template.startsWith("payment-")) return template.slice("payment-".length).replace("-", "_") as (typeof paymentNoticeKinds)[number];
  if (template.startsWith("standing-")) return template.replace("-", "_") as `standing_${(typeof standingStates)[number]}`;
  return template as Exclude<OutboxEmailTemplate, `payment-${string}` | `standing-${string}`>;
}

/** The owed emails the site gave up on, with the addresses they were sent to, and how many are still being retried (operators only). */
export async function listUndeliveredEmails(
  db: Queryable,
  session: AppSession | null,
  limit = 200,
): Promise<UndeliveredEmails> {
  requireAdmin(session);
  const [rows, counts] = await Promise.all([
    // Its own recipient, as the sender reads it (lib/email/send-outbox-emails.ts): a billing contact's
    // receipt went to the contact, not the owner. An account whose owner is gone (closed) has no address.
    db.execute<Row>(sql`
      select e.id::text, e.template, e.account_id,
        case when e.account_id is not null and u.email is null then null else e.to_address end as email,
        e.created_at as owed_since, e.attempts, e.last_attempt_at
      from email_outbox e
      left join billing_accounts a on a.id = e.account_id
      left join "user" u on u.id = a.owner_user_id
      where e.sent_at is null and e.attempts >= ${MAX_EMAIL_ATTEMPTS}
      order by e.created_at desc, e.id desc
      limit ${limit}`),
    db.execute<{ given_up: number; retrying: number }>(sql`
      select count(*) filter (where attempts >= ${MAX_EMAIL_ATTEMPTS})::int as given_up,
        count(*) filter (where attempts < ${MAX_EMAIL_ATTEMPTS})::int as retrying
      from email_outbox where sent_at is null`),
  ]);
  return {
    givenUp: rows.rows.map((row) => ({
      kind: owedEmailKindOf(row.template),
      id: BigInt(row.id),
      subject: subjectOf(row.template),
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
