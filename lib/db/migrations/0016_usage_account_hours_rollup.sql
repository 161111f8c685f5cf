-- Keeps usage_account_hours equal to usage_hours summed over spaces and resources, per account and
-- hour. Ingestion (storeUsage) adds to it in the statement that adds to usage_hours, as it does for
-- usage_days (migration usage_days_kept_by_ingestion); these triggers cover the other ways hours change,
-- deletion and truncation, in the same transaction. The backfill sums the hours already stored.
CREATE FUNCTION usage_account_hours_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO usage_account_hours (account_id, hour, cost_micros)
  SELECT account_id, hour, -sum(cpu_ms_cost + memory_bytes_cost + connections_cost + documents_cost + messages_cost + bandwidth_bytes_cost + storage_bytes_cost + first_party_calls_cost + third_party_calls_cost) FROM old_hours GROUP BY 1, 2
  ON CONFLICT (account_id, hour) DO UPDATE SET cost_micros = usage_account_hours.cost_micros + excluded.cost_micros;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION usage_account_hours_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE usage_account_hours;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER usage_account_hours_delete AFTER DELETE ON usage_hours REFERENCING OLD TABLE AS old_hours
  FOR EACH STATEMENT EXECUTE FUNCTION usage_account_hours_after_delete();
--> statement-breakpoint
CREATE TRIGGER usage_account_hours_truncate AFTER TRUNCATE ON usage_hours FOR EACH STATEMENT EXECUTE FUNCTION usage_account_hours_after_truncate();
--> statement-breakpoint
INSERT INTO usage_account_hours (account_id, hour, cost_micros)
SELECT account_id, hour, sum(cpu_ms_cost + memory_bytes_cost + connections_cost + documents_cost + messages_cost + bandwidth_bytes_cost + storage_bytes_cost + first_party_calls_cost + third_party_calls_cost) FROM usage_hours GROUP BY 1, 2;
