CREATE TABLE "budget_alerts" (
	"budget_id" bigint NOT NULL,
	"month" timestamp with time zone NOT NULL,
	"percent" bigint NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_alerts_budget_id_month_percent_pk" PRIMARY KEY("budget_id","month","percent")
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"space_id" bigint,
	"amount_micros" bigint NOT NULL,
	"action" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_amount_range" CHECK ("budgets"."amount_micros" between 10000 and 1000000000000),
	CONSTRAINT "budgets_action" CHECK ("budgets"."action" in ('alert', 'pause'))
);
--> statement-breakpoint
CREATE TABLE "space_pauses" (
	"space_id" bigint PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"reason" text NOT NULL,
	"budget_id" bigint NOT NULL,
	"month" timestamp with time zone NOT NULL,
	"paused_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_pauses_reason" CHECK ("space_pauses"."reason" in ('budget', 'account_budget'))
);
--> statement-breakpoint
CREATE TABLE "spend_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dismissed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "billing_contacts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"email" text NOT NULL,
	"confirm_token_hash" text,
	"confirmation_sent_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_contacts_email_length" CHECK (char_length("billing_contacts"."email") between 3 and 254)
);
--> statement-breakpoint
CREATE TABLE "platform_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"sequence" bigint NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_error" text,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "personal_api_keys" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"created_by" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "personal_api_keys_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "personal_api_keys_name_length" CHECK (char_length("personal_api_keys"."name") between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "billing_accounts" ADD COLUMN "event_sequence" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_preferences" ADD COLUMN "budget_alerts" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_preferences" ADD COLUMN "runway_alert" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_preferences" ADD COLUMN "runway_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_preferences" ADD COLUMN "anomaly_alert" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "budget_alerts" ADD CONSTRAINT "budget_alerts_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_pauses" ADD CONSTRAINT "space_pauses_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_pauses" ADD CONSTRAINT "space_pauses_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_pauses" ADD CONSTRAINT "space_pauses_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_alerts" ADD CONSTRAINT "spend_alerts_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_contacts" ADD CONSTRAINT "billing_contacts_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_events" ADD CONSTRAINT "platform_events_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_api_keys" ADD CONSTRAINT "personal_api_keys_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_api_keys" ADD CONSTRAINT "personal_api_keys_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_space_idx" ON "budgets" USING btree ("space_id") WHERE space_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_account_idx" ON "budgets" USING btree ("account_id") WHERE space_id is null;--> statement-breakpoint
CREATE INDEX "budgets_account_spaces_idx" ON "budgets" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "space_pauses_account_idx" ON "space_pauses" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "spend_alerts_account_key_idx" ON "spend_alerts" USING btree ("account_id","key");--> statement-breakpoint
CREATE INDEX "spend_alerts_account_created_idx" ON "spend_alerts" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_contacts_account_email_idx" ON "billing_contacts" USING btree ("account_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "billing_contacts_confirm_token_idx" ON "billing_contacts" USING btree ("confirm_token_hash") WHERE confirm_token_hash is not null;--> statement-breakpoint
CREATE INDEX "billing_contacts_account_idx" ON "billing_contacts" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_events_account_sequence_idx" ON "platform_events" USING btree ("account_id","sequence");--> statement-breakpoint
CREATE INDEX "platform_events_undelivered_idx" ON "platform_events" USING btree ("next_attempt_at") WHERE delivered_at is null;--> statement-breakpoint
CREATE INDEX "personal_api_keys_account_idx" ON "personal_api_keys" USING btree ("account_id");--> statement-breakpoint
ALTER TABLE "alert_preferences" ADD CONSTRAINT "alert_preferences_runway_days" CHECK ("alert_preferences"."runway_days" between 1 and 90);