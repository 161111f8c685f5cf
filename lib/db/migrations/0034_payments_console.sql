-- Issue 18, webhooks and payments: every Stripe event's outcome as one of applied, duplicate, ignored
-- (what the effect said moves to `note`); failed attempts in their own append-only table, written after
-- the failed effect rolled back; reconciliation runs with their counts and findings.
CREATE TABLE "reconciliation_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trigger" text NOT NULL,
	"operator_id" text,
	"operator_email" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"checked_payments" integer,
	"checked_credits" integer,
	"drift_count" integer,
	"repaired_count" integer,
	"findings" jsonb,
	"error_code" text,
	"error_message" text,
	CONSTRAINT "reconciliation_runs_trigger" CHECK ("reconciliation_runs"."trigger" in ('job', 'operator'))
);
--> statement-breakpoint
CREATE TABLE "stripe_event_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"object_id" text,
	"stripe_created_at" timestamp with time zone NOT NULL,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"error_code" text NOT NULL,
	"error_message" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stripe_events" ADD COLUMN "note" text;--> statement-breakpoint
-- Until now `outcome` held the effect's note ("paid", "1 posted") or "ignored".
UPDATE "stripe_events" SET "note" = "outcome", "outcome" = CASE WHEN "outcome" = 'ignored' THEN 'ignored' ELSE 'applied' END;--> statement-breakpoint
ALTER TABLE "stripe_events" ALTER COLUMN "outcome" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "reconciliation_runs_started_idx" ON "reconciliation_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "stripe_event_failures_event_idx" ON "stripe_event_failures" USING btree ("event_id","failed_at");--> statement-breakpoint
CREATE INDEX "stripe_event_failures_failed_idx" ON "stripe_event_failures" USING btree ("failed_at");--> statement-breakpoint
CREATE INDEX "stripe_events_received_idx" ON "stripe_events" USING btree ("received_at");--> statement-breakpoint
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_outcome" CHECK ("stripe_events"."outcome" in ('applied', 'duplicate', 'ignored'));--> statement-breakpoint
-- A failure is a fact like the event it is about: the site's role may add them, never change them.
REVOKE UPDATE, DELETE, TRUNCATE ON "stripe_event_failures" FROM tandem_app;
