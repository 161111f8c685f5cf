import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Every email the site sends, by template (lib/email/send-email.ts's `template`). */
export const outboxEmailTemplates = [
  "magic-link",
  "invite",
  "waitlist-joined",
  "waitlist-capacity",
  "payment-receipt",
  "payment-refund",
  "payment-dispute-opened",
  "payment-dispute-won",
  "standing-active",
  "standing-low",
  "standing-grace",
  "standing-frozen",
  "auto-recharge-paused",
  "account-frozen",
  "account-unfrozen",
  "account-closed",
  "account-adjustment",
  "price-rise",
  "budget-alert",
  "runway-alert",
  "spend-anomaly",
  "billing-contact-confirm",
  "monthly-statement",
  "invoice",
] as const;
export type OutboxEmailTemplate = (typeof outboxEmailTemplates)[number];

// Every email the site sends is a row here: its template and the template's data, written in the
// transaction of the change that causes it and rendered when sent (a sign-in request, an approval, an
// invite, a waitlist join, a payment, a standing change, a
// failed auto-recharge), sent right after the commit and by the email sweep until SMTP accepts it
// (lib/email/send-outbox-emails.ts): a crash or an SMTP outage after the commit leaves it here, never
// lost. `idempotency_key` names the event (`payment-notice:<transfer id>`, `standing-change:<id>`, …), so
// a retried handler or a duplicate webhook records it once. The body carries live links (sign-in and
// invitation tokens), so it is dropped once the email is sent and never shown to operators (/admin/emails
// shows template and address only). `account_id` ties an email about a billing account to it: one whose
// owner has no address left (a closed account) is settled unsent. `send_before` is when a sign-in
// link dies: past it the email is dropped rather than sent.
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    template: text("template", { enum: outboxEmailTemplates }).notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    // The template's data (lib/email/templates): the email is rendered from it when sent (migration 0028).
    data: jsonb("data"),
    accountId: text("account_id"),
    sendBefore: timestamp("send_before", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("email_outbox_unsent_idx")
      .on(table.createdAt)
      .where(sql`sent_at is null`),
    // The send right after a payment or a standing change is scoped to its account.
    index("email_outbox_unsent_account_idx")
      .on(table.accountId)
      .where(sql`sent_at is null`),
  ],
);
