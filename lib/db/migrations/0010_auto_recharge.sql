CREATE TABLE "auto_recharge_settings" (
	"billing_account_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"threshold_micros" bigint NOT NULL,
	"target_micros" bigint NOT NULL,
	"monthly_cap_micros" bigint NOT NULL,
	"paused_at" timestamp with time zone,
	"paused_reason" text,
	"capped_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auto_recharge_settings_amounts" CHECK ("auto_recharge_settings"."threshold_micros" >= 0 and "auto_recharge_settings"."target_micros" > "auto_recharge_settings"."threshold_micros" and "auto_recharge_settings"."monthly_cap_micros" > 0)
);
--> statement-breakpoint
CREATE TABLE "auto_recharges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"billing_account_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"amount_micros" bigint,
	"payment_intent_id" text,
	"charge_id" text,
	"receipt_url" text,
	"transfer_id" bigint,
	"failure_code" text,
	"failure_message" text,
	"recovery_url" text,
	"notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auto_recharges_payment_intent_id_unique" UNIQUE("payment_intent_id")
);
--> statement-breakpoint
CREATE TABLE "card_setups" (
	"checkout_session_id" text PRIMARY KEY NOT NULL,
	"billing_account_id" text NOT NULL,
	"seq" bigserial NOT NULL,
	"applied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auto_recharge_settings" ADD CONSTRAINT "auto_recharge_settings_billing_account_id_billing_accounts_id_fk" FOREIGN KEY ("billing_account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_recharges" ADD CONSTRAINT "auto_recharges_billing_account_id_billing_accounts_id_fk" FOREIGN KEY ("billing_account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_setups" ADD CONSTRAINT "card_setups_billing_account_id_billing_accounts_id_fk" FOREIGN KEY ("billing_account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "auto_recharges_one_in_flight" ON "auto_recharges" USING btree ("billing_account_id") WHERE status in ('pending', 'charging');--> statement-breakpoint
CREATE INDEX "auto_recharges_account_idx" ON "auto_recharges" USING btree ("billing_account_id","created_at");--> statement-breakpoint
CREATE INDEX "card_setups_account_idx" ON "card_setups" USING btree ("billing_account_id","seq");