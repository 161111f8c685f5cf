import "server-only";
import type { Database } from "@/lib/db/client";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
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

/** The templates of standing-change emails, one per state reached. */
export const standingEmailTemplates = ["standing-active", "standing-low", "standing-grace", "standing-frozen"] as const;

export type NotifyOptions = {
  /** Only these accounts' changes (the ones a request just made); all pending changes when absent. */
  accountIds?: string[];
  limit?: number;
};

/**
 * Emails the standing changes still owed (recorded with each change by lib/billing/record-standing-emails.ts;
 * the outbox, lib/email/send-outbox-emails.ts): right after the request that made them and from the email
 * sweep for any an SMTP outage left behind, each once. Returns how many emails went out.
 */
export async function notifyStandingChanges(db: Database, options: NotifyOptions = {}): Promise<number> {
  return sendOutboxEmails(db, { ...options, templates: standingEmailTemplates });
}
