-- Incidents (issue 18, "Incidents: do not bill system problems"): an outage an operator declares, the
-- spaces it affects (or all), and once credited, who credited it, when and how much; incident_credits
-- names each account's credit, an `incident_credit` transfer (a text kind: no ledger change here). Ordinary tables: the
-- default privileges of 0021 give the site SELECT/INSERT/UPDATE/DELETE on them.
CREATE TABLE "incident_spaces" (
	"incident_id" bigint NOT NULL,
	"space_id" bigint NOT NULL,
	CONSTRAINT "incident_spaces_incident_id_space_id_pk" PRIMARY KEY("incident_id","space_id")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"is_all_spaces" boolean NOT NULL,
	"declared_by" text NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"credited_by" text,
	"credited_at" timestamp with time zone,
	"credited_micros" bigint,
	"credited_accounts" integer,
	CONSTRAINT "incidents_window_ordered" CHECK ("ends_at" > "starts_at")
);
--> statement-breakpoint
ALTER TABLE "incident_spaces" ADD CONSTRAINT "incident_spaces_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_spaces" ADD CONSTRAINT "incident_spaces_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_declared_by_user_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_credited_by_user_id_fk" FOREIGN KEY ("credited_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_declared_idx" ON "incidents" USING btree ("declared_at");--> statement-breakpoint
CREATE TABLE "incident_credits" (
	"incident_id" bigint NOT NULL,
	"account_id" text NOT NULL,
	"transfer_id" bigint NOT NULL,
	"amount_micros" bigint NOT NULL,
	CONSTRAINT "incident_credits_incident_id_account_id_pk" PRIMARY KEY("incident_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "incident_credits" ADD CONSTRAINT "incident_credits_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_credits" ADD CONSTRAINT "incident_credits_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_credits" ADD CONSTRAINT "incident_credits_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE no action ON UPDATE no action;
