-- The usage caps of issue 15 (lib/billing/usage-caps.ts), held by Postgres on the stored totals instead of
-- by ingestion reading them under the account locks: 10^16 units of each resource per space and hour,
-- $10,000,000 (10^13 micro-dollars) per account and hour. A batch that would pass one fails ingestion's
-- statement with 23514 on these names (or 22003 when a sum passes bigint first), its transaction rolls
-- back, and the API answers 422 usage_limit_exceeded (decision 0015). The day rollup needs no cap of its
-- own: 24 capped hours fit in bigint. Adding them checks the stored rows: a total stored over a cap before
-- issue 15 fails this migration rather than block its hour later (find them with
-- `select * from usage_hours where greatest(cpu_ms, memory_bytes, ...) > 10000000000000000`).
ALTER TABLE "usage_hours" ADD CONSTRAINT "usage_hours_space_hour_units_cap" CHECK ("usage_hours"."cpu_ms" <= 10000000000000000 and "usage_hours"."memory_bytes" <= 10000000000000000 and "usage_hours"."connections" <= 10000000000000000 and "usage_hours"."documents" <= 10000000000000000 and "usage_hours"."messages" <= 10000000000000000 and "usage_hours"."bandwidth_bytes" <= 10000000000000000 and "usage_hours"."storage_bytes" <= 10000000000000000 and "usage_hours"."first_party_calls" <= 10000000000000000 and "usage_hours"."third_party_calls" <= 10000000000000000);--> statement-breakpoint
ALTER TABLE "usage_account_hours" ADD CONSTRAINT "usage_account_hours_cost_cap" CHECK ("usage_account_hours"."cost_micros" <= 10000000000000);