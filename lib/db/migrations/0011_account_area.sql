CREATE TABLE "account_closures" (
	"account_id" text PRIMARY KEY NOT NULL,
	"remaining_micros" bigint NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_preferences" (
	"account_id" text PRIMARY KEY NOT NULL,
	"low_balance" boolean DEFAULT true NOT NULL,
	"ran_out" boolean DEFAULT true NOT NULL,
	"recovered" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_days" (
	"account_id" text NOT NULL,
	"space_id" bigint NOT NULL,
	"day" timestamp with time zone NOT NULL,
	"cpu_ms" bigint DEFAULT 0 NOT NULL,
	"memory_bytes" bigint DEFAULT 0 NOT NULL,
	"connections" bigint DEFAULT 0 NOT NULL,
	"documents" bigint DEFAULT 0 NOT NULL,
	"messages" bigint DEFAULT 0 NOT NULL,
	"bandwidth_bytes" bigint DEFAULT 0 NOT NULL,
	"storage_bytes" bigint DEFAULT 0 NOT NULL,
	"first_party_calls" bigint DEFAULT 0 NOT NULL,
	"third_party_calls" bigint DEFAULT 0 NOT NULL,
	"cpu_ms_cost" bigint DEFAULT 0 NOT NULL,
	"memory_bytes_cost" bigint DEFAULT 0 NOT NULL,
	"connections_cost" bigint DEFAULT 0 NOT NULL,
	"documents_cost" bigint DEFAULT 0 NOT NULL,
	"messages_cost" bigint DEFAULT 0 NOT NULL,
	"bandwidth_bytes_cost" bigint DEFAULT 0 NOT NULL,
	"storage_bytes_cost" bigint DEFAULT 0 NOT NULL,
	"first_party_calls_cost" bigint DEFAULT 0 NOT NULL,
	"third_party_calls_cost" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_days_account_id_day_space_id_pk" PRIMARY KEY("account_id","day","space_id")
);
--> statement-breakpoint
ALTER TABLE "account_closures" ADD CONSTRAINT "account_closures_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_preferences" ADD CONSTRAINT "alert_preferences_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE no action ON UPDATE no action;