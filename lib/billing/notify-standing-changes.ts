import "server-only";
import type { Database } from "@/lib/db/client";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { standingWords } from "@/lib/email/templates/standing-change";
import type { StandingState } from "@/lib/ledger/standing";

/** The email for a change, in words: its subject and what it says (lib/email/templates/standing-change.tsx). */
export function standingMessage(from: StandingState, to: StandingState): { subject: string; body: string } {
  const words = standingWords(from, to);
  return { subject: words.subject, body: words.body };
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
