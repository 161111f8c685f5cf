CREATE TABLE "usage_account_hours" (
	"account_id" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"cost_micros" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_account_hours_account_id_hour_pk" PRIMARY KEY("account_id","hour")
);
