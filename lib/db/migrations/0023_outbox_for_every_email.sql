-- One outbox for every email (issue 16 point 4): payment notices and standing-change emails move into
-- email_outbox. The emails still owed by the old tables are rendered here, as the code renders them
-- (lib/payments/payment-notices.ts, lib/billing/notify-standing-changes.ts), keeping their tries, so
-- nothing owed is lost or sent twice; then the columns that existed only for sending go. Links need the
-- site's address: migrateDatabase sets `tandem.app_url` from APP_URL for this transaction.
ALTER TABLE "email_outbox" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "account_id" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "send_before" timestamp with time zone;--> statement-breakpoint
UPDATE "email_outbox" SET "idempotency_key" = 'outbox:' || "id" WHERE "idempotency_key" IS NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ALTER COLUMN "idempotency_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_idempotency_key_unique" UNIQUE("idempotency_key");--> statement-breakpoint
CREATE INDEX "email_outbox_unsent_account_idx" ON "email_outbox" USING btree ("account_id") WHERE sent_at is null;--> statement-breakpoint
-- formatMicros (lib/billing/rate-units.ts): dollars, two decimals rounded half away from zero, grouped.
CREATE FUNCTION pg_temp.format_micros(micros bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  select case when micros < 0 then '-' else '' end || '$' || to_char(round(abs(micros)::numeric / 1000000, 2), 'FM999,999,999,999,990.00')
$$;--> statement-breakpoint
CREATE FUNCTION pg_temp.app_url() RETURNS text LANGUAGE sql STABLE AS $$
  select coalesce(nullif(current_setting('tandem.app_url', true), ''), 'http://localhost:3000')
$$;--> statement-breakpoint
INSERT INTO "email_outbox" ("idempotency_key", "template", "to_address", "subject", "text_body", "account_id", "attempts", "last_attempt_at", "created_at")
SELECT 'payment-notice:' || n.transfer_id, 'payment-' || replace(n.kind, '_', '-'), u.email,
  CASE n.kind
    WHEN 'receipt' THEN 'Receipt: ' || pg_temp.format_micros(n.amount_micros) || ' added to your Tandem balance'
    WHEN 'refund' THEN 'Refund: ' || pg_temp.format_micros(n.amount_micros) || ' returned to your card'
    WHEN 'dispute_opened' THEN 'A ' || pg_temp.format_micros(n.amount_micros) || ' payment to Tandem is disputed'
    ELSE 'Dispute closed: ' || pg_temp.format_micros(n.amount_micros) || ' credit restored'
  END,
  CASE n.kind
    WHEN 'receipt' THEN 'Thank you: ' || pg_temp.format_micros(n.amount_micros) || ' of prepaid credit was added to your account.'
    WHEN 'refund' THEN pg_temp.format_micros(n.amount_micros) || ' was refunded to your card and taken off your prepaid credit.'
    WHEN 'dispute_opened' THEN 'Your bank disputed a ' || pg_temp.format_micros(n.amount_micros) || ' top-up, so that credit is on hold while the dispute is open.'
    ELSE 'The dispute over a ' || pg_temp.format_micros(n.amount_micros) || ' top-up was closed in our favour, so the credit is back.'
  END
  || E'\nYour balance is now ' || pg_temp.format_micros(n.balance_micros) || '.'
  || CASE WHEN n.kind = 'receipt' AND n.receipt_url IS NOT NULL THEN E'\nCard receipt: ' || n.receipt_url ELSE '' END
  || E'\n\nBilling: ' || pg_temp.app_url() || '/account/billing',
  n.account_id, n.attempts, n.last_attempt_at, n.created_at
FROM "payment_notices" n
JOIN "billing_accounts" a ON a.id = n.account_id
JOIN "user" u ON u.id = a.owner_user_id
WHERE n.notified_at IS NULL AND u.email IS NOT NULL
ON CONFLICT ("idempotency_key") DO NOTHING;--> statement-breakpoint
INSERT INTO "email_outbox" ("idempotency_key", "template", "to_address", "subject", "text_body", "account_id", "attempts", "last_attempt_at", "created_at")
SELECT 'standing-change:' || m.id, 'standing-' || m.to_state, m.email, m.subject,
  m.body || E'\n\nBalance: ' || pg_temp.format_micros(m.balance_micros) || E'\nAccount: ' || pg_temp.app_url() || E'/account\n',
  m.account_id, m.attempts, m.last_attempt_at, m.created_at
FROM (
  SELECT c.*, u.email,
    CASE
      WHEN c.to_state = 'frozen' THEN 'Your Tandem apps are frozen'
      WHEN c.from_state = 'frozen' THEN 'Your Tandem apps are running again'
      WHEN r.up AND c.to_state = 'active' THEN 'Your Tandem account is in good standing'
      WHEN r.up THEN 'Credit added to your Tandem account'
      WHEN c.to_state = 'low' THEN 'Your Tandem balance is low'
      ELSE 'Your Tandem balance has run out'
    END AS subject,
    CASE
      WHEN c.to_state = 'frozen' THEN 'Your balance reached its overdraft floor, so your apps are read-only. Nothing is deleted: a top-up unfreezes them at once.'
      WHEN c.from_state = 'frozen' THEN 'Your balance is above the overdraft floor again, so your apps are no longer frozen.'
      WHEN r.up AND c.to_state = 'active' THEN 'Your balance is above your low-balance threshold. Nothing else to do.'
      WHEN r.up THEN 'Credit was added, and your balance is at or below your low-balance threshold. Top up when you are ready.'
      WHEN c.to_state = 'low' THEN 'Your balance is at or below your low-balance threshold. Top up soon so your apps keep running.'
      ELSE 'Your balance is at or below zero. Your apps keep running until the overdraft floor; top up to avoid a freeze.'
    END AS body,
    -- wantsStandingEmail (lib/billing/standing-email-choice.ts): the frozen email is always sent.
    CASE
      WHEN c.to_state = 'frozen' THEN true
      WHEN r.up THEN coalesce(p.recovered, true)
      WHEN c.to_state = 'low' THEN coalesce(p.low_balance, true)
      ELSE coalesce(p.ran_out, true)
    END AS wanted
  FROM "standing_changes" c
  JOIN "billing_accounts" a ON a.id = c.account_id
  JOIN "user" u ON u.id = a.owner_user_id
  LEFT JOIN "alert_preferences" p ON p.account_id = c.account_id
  CROSS JOIN LATERAL (
    SELECT array_position(ARRAY['frozen', 'grace', 'low', 'active'], c.to_state)
      > array_position(ARRAY['frozen', 'grace', 'low', 'active'], c.from_state) AS up
  ) r
  WHERE c.notified_at IS NULL AND u.email IS NOT NULL
) m
WHERE m.wanted
ON CONFLICT ("idempotency_key") DO NOTHING;--> statement-breakpoint
DROP FUNCTION pg_temp.format_micros(bigint);--> statement-breakpoint
DROP FUNCTION pg_temp.app_url();--> statement-breakpoint
DROP INDEX "standing_changes_unsent_idx";--> statement-breakpoint
DROP INDEX "payment_notices_unsent_idx";--> statement-breakpoint
ALTER TABLE "standing_changes" DROP COLUMN "notified_at";--> statement-breakpoint
ALTER TABLE "standing_changes" DROP COLUMN "attempts";--> statement-breakpoint
ALTER TABLE "standing_changes" DROP COLUMN "last_attempt_at";--> statement-breakpoint
ALTER TABLE "payment_notices" DROP COLUMN "attempts";--> statement-breakpoint
ALTER TABLE "payment_notices" DROP COLUMN "last_attempt_at";--> statement-breakpoint
ALTER TABLE "payment_notices" DROP COLUMN "notified_at";
