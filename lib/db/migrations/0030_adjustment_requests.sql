-- Manual adjustments and the two-person rule (issue 18, "Manual adjustments"): one row per adjustment an
-- operator asks for, keyed by the form's idempotency key. An ordinary table: the default privileges of 0021
-- give the site SELECT/INSERT/UPDATE/DELETE on it (decisions are updates of pending rows).
CREATE TABLE "adjustment_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"payload_hash" text NOT NULL,
	"account_id" text NOT NULL,
	"direction" text NOT NULL,
	"amount_micros" bigint NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"allow_freeze" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"transfer_id" bigint,
	CONSTRAINT "adjustment_requests_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "adjustment_requests_amount_positive" CHECK ("adjustment_requests"."amount_micros" > 0),
	CONSTRAINT "adjustment_requests_second_person" CHECK ("adjustment_requests"."status" <> 'approved' or "adjustment_requests"."decided_by" <> "adjustment_requests"."requested_by")
);
--> statement-breakpoint
ALTER TABLE "adjustment_requests" ADD CONSTRAINT "adjustment_requests_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_requests" ADD CONSTRAINT "adjustment_requests_requested_by_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_requests" ADD CONSTRAINT "adjustment_requests_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_requests" ADD CONSTRAINT "adjustment_requests_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adjustment_requests_pending_idx" ON "adjustment_requests" USING btree ("requested_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "adjustment_requests_account_idx" ON "adjustment_requests" USING btree ("account_id","requested_at");
