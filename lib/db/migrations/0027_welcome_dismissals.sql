-- The welcome panel's dismissal (issue 17, "The first run"): one row per billing account whose owner closed
-- it, so it stays closed on every device. An ordinary table: the default privileges of 0021 give the site
-- SELECT/INSERT/UPDATE/DELETE on it.
CREATE TABLE "welcome_dismissals" (
	"account_id" text PRIMARY KEY NOT NULL,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "welcome_dismissals" ADD CONSTRAINT "welcome_dismissals_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;
