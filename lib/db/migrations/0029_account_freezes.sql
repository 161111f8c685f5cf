-- Issue 18: an operator's freeze in force, one row per account. While it exists the standing rules
-- (lib/billing/apply-standing.ts) keep the account frozen whatever its balance, so a top-up cannot lift
-- it. An ordinary table: the default privileges of 0021 give the site SELECT/INSERT/UPDATE/DELETE on it.
-- Also an index for the entries of the audit log about one account (the operator's account page).
CREATE TABLE "account_freezes" (
	"account_id" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"frozen_by" text NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_freezes_reason_length" CHECK (char_length("account_freezes"."reason") between 1 and 500)
);
--> statement-breakpoint
ALTER TABLE "account_freezes" ADD CONSTRAINT "account_freezes_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_freezes" ADD CONSTRAINT "account_freezes_frozen_by_user_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target","created_at");