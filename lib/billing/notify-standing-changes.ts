import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { emailIsDue, logEmailFailure } from "@/lib/email/email-retry";
import { sendEmail } from "@/lib/email/send-email";
import { getEnv } from "@/lib/env";
import { wantsStandingEmail } from "./standing-email-choice";
import { formatMicros } from "./rate-units";
import type { StandingState } from "@/lib/ledger/standing";

const RANK: Record<StandingState, number> = { active: 3, low: 2, grace: 1, frozen: 0 };

/** The email for a change: what happened and what to do, worded by which way the balance moved. */
export function standingMessage(from: StandingState, to: StandingState): { subject: string; body: string } {
  if (to === "frozen") {
    return {
      subject: "Your Tandem apps are frozen",
      body: "Your balance reached its overdraft floor, so your apps are read-only. Nothing is deleted: a top-up unfreezes them at once.",
    };
  }
  if (from === "frozen") {
    return {
      subject: "Your Tandem apps are running again",
      body: "Your balance is above the overdraft floor again, so your apps are no longer frozen.",
    };
  }
  if (RANK[to] > RANK[from]) {
    return to === "active"
      ? {
          subject: "Your Tandem account is in good standing",
          body: "Your balance is above your low-balance threshold. Nothing else to do.",
        }
      : {
          subject: "Credit added to your Tandem account",
          body: "Credit was added, and your balance is at or below your low-balance threshold. Top up when you are ready.",
        };
  }
  return to === "low"
    ? {
        subject: "Your Tandem balance is low",
        body: "Your balance is at or below your low-balance threshold. Top up soon so your apps keep running.",
      }
    : {
        subject: "Your Tandem balance has run out",
        body: "Your balance is at or below zero. Your apps keep running until the overdraft floor; top up to avoid a freeze.",
      };
}

/**
 * Emails the owner of each account whose standing changed, once per change: rows are claimed with
 * SKIP LOCKED and marked notified in the same transaction as the send, so concurrent runs never send
 * one twice, and a failed send is retried by a later run once its backoff has passed (the row stays
 * unnotified; lib/email/email-retry.ts).
 */
export type NotifyOptions = {
  /** Only these accounts' changes (the ones a request just made); all pending changes when absent. */
  accountIds?: string[];
  limit?: number;
};

export async function notifyStandingChanges(db: Database, options: NotifyOptions = {}): Promise<number> {
  const scope = options.accountIds ? JSON.stringify(options.accountIds) : null;
  let sent = 0;
  await db.transaction(async (tx) => {
    const pending = await tx.execute<{
      id: string;
      from_state: StandingState;
      to_state: StandingState;
      balance_micros: string;
      email: string | null;
      account_id: string;
      low_balance: boolean;
      ran_out: boolean;
      recovered: boolean;
      attempts: number;
    }>(sql`
      select c.id::text, c.from_state, c.to_state, c.balance_micros::text, u.email, c.account_id, c.attempts,
        coalesce(p.low_balance, true) as low_balance, coalesce(p.ran_out, true) as ran_out, coalesce(p.recovered, true) as recovered
      from standing_changes c
      join billing_accounts a on a.id = c.account_id
      join "user" u on u.id = a.owner_user_id
      left join alert_preferences p on p.account_id = c.account_id
      where c.notified_at is null and ${emailIsDue(sql.raw("c.attempts"), sql.raw("c.last_attempt_at"))}
        and (${scope}::jsonb is null or c.account_id in (select jsonb_array_elements_text(${scope}::jsonb)))
      order by c.id limit ${options.limit ?? 50} for update of c skip locked`);
    for (const change of pending.rows) {
      const message = standingMessage(change.from_state, change.to_state);
      // An email the owner switched off in settings is marked handled without sending.
      const choices = { lowBalance: change.low_balance, ranOut: change.ran_out, recovered: change.recovered };
      if (change.email && wantsStandingEmail(choices, change.from_state, change.to_state)) {
        try {
          await sendEmail({
            to: change.email,
            subject: message.subject,
            text: `${message.body}\n\nBalance: ${formatMicros(BigInt(change.balance_micros))}\nAccount: ${getEnv().appUrl}/account\n`,
            template: `standing-${change.to_state}`,
          });
        } catch (error) {
          logEmailFailure("standing_change", change.attempts, { account: change.account_id }, error);
          await tx.execute(sql`update standing_changes set attempts = attempts + 1, last_attempt_at = now() where id = ${change.id}::bigint`);
          continue;
        }
      }
      await tx.execute(sql`update standing_changes set notified_at = now(), attempts = attempts + 1, last_attempt_at = now() where id = ${change.id}::bigint`);
      sent++;
    }
  });
  return sent;
}
