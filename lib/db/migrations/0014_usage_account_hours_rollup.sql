-- Keeps usage_account_hours equal to usage_hours summed over spaces and resources, per account and
-- hour. Statement-level triggers with transition tables, like usage_days (migration
-- usage_days_rollup): one grouped upsert per ingestion statement, in the same transaction, so the
-- rollup commits or rolls back with the hours it sums. An INSERT … ON CONFLICT DO UPDATE fires both
-- the insert and the update trigger.
CREATE FUNCTION usage_account_hours_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO usage_account_hours (account_id, hour, cost_micros)
  SELECT account_id, hour, sum(cpu_ms_cost + memory_bytes_cost + connections_cost + documents_cost + messages_cost + bandwidth_bytes_cost + storage_bytes_cost + first_party_calls_cost + third_party_calls_cost) FROM new_hours GROUP BY 1, 2
  ON CONFLICT (account_id, hour) DO UPDATE SET cost_micros = usage_account_hours.cost_micros + excluded.cost_micros;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION usage_account_hours_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO usage_account_hours (account_id, hour, cost_micros)
  SELECT account_id, hour, sum(cost) FROM (
    SELECT account_id, hour, cpu_ms_cost + memory_bytes_cost + connections_cost + documents_cost + messages_cost + bandwidth_bytes_cost + storage_bytes_cost + first_party_calls_cost + third_party_calls_cost AS cost FROM new_hours
    UNION ALL
    SELECT account_id, hour, -(cpu_ms_cost + memory_bytes_cost + connections_cost + documents_cost + messages_cost + bandwidth_bytes_cost + storage_bytes_cost + first_party_calls_cost + third_party_calls_cost) FROM old_hours
  ) AS delta GROUP BY 1, 2
  ON CONFLICT (account_id, hour) DO UPDATE SET cost_micros = usage_account_hours.cost_micros + excluded.cost_micros;
  RETURN NULL;
END $$;
--> statement-breakpoint
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
CREATE TRIGGER usage_account_hours_insert AFTER INSERT ON usage_hours REFERENCING NEW TABLE AS new_hours
  FOR EACH STATEMENT EXECUTE FUNCTION usage_account_hours_after_insert();
--> statement-breakpoint
CREATE TRIGGER usage_account_hours_update AFTER UPDATE ON usage_hours REFERENCING OLD TABLE AS old_hours NEW TABLE AS new_hours
  FOR EACH STATEMENT EXECUTE FUNCTION usage_account_hours_after_update();
--> statement-breakpoint
CREATE TRIGGER usage_account_hours_delete AFTER DELETE ON usage_hours REFERENCING OLD TABLE AS old_hours
  FOR EACH STATEMENT EXECUTE FUNCTION usage_account_hours_after_delete();
--> statement-breakpoint
CREATE TRIGGER usage_account_hours_truncate AFTER TRUNCATE ON usage_hours FOR EACH STATEMENT EXECUTE FUNCTION usage_account_hours_after_truncate();
--> statement-breakpoint
INSERT INTO usage_account_hours (account_id, hour, cost_micros)
SELECT account_id, hour, sum(cpu_ms_cost + memory_bytes_cost + connections_cost + documents_cost + messages_cost + bandwidth_bytes_cost + storage_bytes_cost + first_party_calls_cost + third_party_calls_cost) FROM usage_hours GROUP BY 1, 2;
