import { sql } from "drizzle-orm";
import { bigserial, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** The emails that go through the outbox, by template (lib/email/send-email.ts's `template`). */
export const outboxEmailTemplates = ["invite", "waitlist-joined", "waitlist-capacity"] as const;

// An email owed to someone, rendered and written in the transaction of the change that causes it (an
// approval, an invite, a code redeemed, a waitlist join), sent right after the commit and by the email
// sweep until SMTP accepts it (lib/email/send-outbox-emails.ts): a crash or an SMTP outage after the
// commit leaves it here, never lost. The body carries live links (an invitation's sign-in token), so it
// is dropped once the email is sent and never shown to operators (/admin/emails shows template and
// address only). Payment notices and standing changes keep their own tables (payment_notices,
// standing_changes) with the same retry rules.
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    template: text("template", { enum: outboxEmailTemplates }).notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("email_outbox_unsent_idx")
      .on(table.createdAt)
      .where(sql`sent_at is null`),
  ],
);
