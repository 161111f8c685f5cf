CREATE TABLE "usage_hours" (
	"account_id" text NOT NULL,
	"space_id" bigint NOT NULL,
	"hour" timestamp with time zone NOT NULL,
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
	CONSTRAINT "usage_hours_account_id_hour_space_id_pk" PRIMARY KEY("account_id","hour","space_id")
);
--> statement-breakpoint
ALTER TABLE "meter_records" DROP CONSTRAINT "meter_records_account_id_billing_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "meter_records" DROP CONSTRAINT "meter_records_space_id_spaces_id_fk";
--> statement-breakpoint
ALTER TABLE "meter_records" DROP CONSTRAINT "meter_records_transfer_id_transfers_id_fk";
--> statement-breakpoint
DROP INDEX "meter_records_account_hour_idx";