-- Keeps usage_days equal to usage_hours summed by UTC day. Statement-level triggers with transition
-- tables: one upsert per ingestion statement (not per row), in the same transaction, so the rollup
-- commits or rolls back with the hours it sums. An INSERT … ON CONFLICT DO UPDATE fires both: the
-- insert trigger sees the new rows, the update trigger the old and new versions of the updated ones.
CREATE FUNCTION usage_days_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO usage_days (account_id, space_id, day, cpu_ms, memory_bytes, connections, documents, messages, bandwidth_bytes, storage_bytes, first_party_calls, third_party_calls, cpu_ms_cost, memory_bytes_cost, connections_cost, documents_cost, messages_cost, bandwidth_bytes_cost, storage_bytes_cost, first_party_calls_cost, third_party_calls_cost)
  SELECT account_id, space_id, date_trunc('day', hour, 'UTC'),
    sum(cpu_ms),
    sum(memory_bytes),
    sum(connections),
    sum(documents),
    sum(messages),
    sum(bandwidth_bytes),
    sum(storage_bytes),
    sum(first_party_calls),
    sum(third_party_calls),
    sum(cpu_ms_cost),
    sum(memory_bytes_cost),
    sum(connections_cost),
    sum(documents_cost),
    sum(messages_cost),
    sum(bandwidth_bytes_cost),
    sum(storage_bytes_cost),
    sum(first_party_calls_cost),
    sum(third_party_calls_cost)
  FROM (SELECT * FROM new_hours) AS delta
  GROUP BY 1, 2, 3
  ON CONFLICT (account_id, day, space_id) DO UPDATE SET cpu_ms = usage_days.cpu_ms + excluded.cpu_ms, memory_bytes = usage_days.memory_bytes + excluded.memory_bytes, connections = usage_days.connections + excluded.connections, documents = usage_days.documents + excluded.documents, messages = usage_days.messages + excluded.messages, bandwidth_bytes = usage_days.bandwidth_bytes + excluded.bandwidth_bytes, storage_bytes = usage_days.storage_bytes + excluded.storage_bytes, first_party_calls = usage_days.first_party_calls + excluded.first_party_calls, third_party_calls = usage_days.third_party_calls + excluded.third_party_calls, cpu_ms_cost = usage_days.cpu_ms_cost + excluded.cpu_ms_cost, memory_bytes_cost = usage_days.memory_bytes_cost + excluded.memory_bytes_cost, connections_cost = usage_days.connections_cost + excluded.connections_cost, documents_cost = usage_days.documents_cost + excluded.documents_cost, messages_cost = usage_days.messages_cost + excluded.messages_cost, bandwidth_bytes_cost = usage_days.bandwidth_bytes_cost + excluded.bandwidth_bytes_cost, storage_bytes_cost = usage_days.storage_bytes_cost + excluded.storage_bytes_cost, first_party_calls_cost = usage_days.first_party_calls_cost + excluded.first_party_calls_cost, third_party_calls_cost = usage_days.third_party_calls_cost + excluded.third_party_calls_cost;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION usage_days_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO usage_days (account_id, space_id, day, cpu_ms, memory_bytes, connections, documents, messages, bandwidth_bytes, storage_bytes, first_party_calls, third_party_calls, cpu_ms_cost, memory_bytes_cost, connections_cost, documents_cost, messages_cost, bandwidth_bytes_cost, storage_bytes_cost, first_party_calls_cost, third_party_calls_cost)
  SELECT account_id, space_id, date_trunc('day', hour, 'UTC'),
    sum(cpu_ms),
    sum(memory_bytes),
    sum(connections),
    sum(documents),
    sum(messages),
    sum(bandwidth_bytes),
    sum(storage_bytes),
    sum(first_party_calls),
    sum(third_party_calls),
    sum(cpu_ms_cost),
    sum(memory_bytes_cost),
    sum(connections_cost),
    sum(documents_cost),
    sum(messages_cost),
    sum(bandwidth_bytes_cost),
    sum(storage_bytes_cost),
    sum(first_party_calls_cost),
    sum(third_party_calls_cost)
  FROM (SELECT account_id, space_id, hour, cpu_ms, memory_bytes, connections, documents, messages, bandwidth_bytes, storage_bytes, first_party_calls, third_party_calls, cpu_ms_cost, memory_bytes_cost, connections_cost, documents_cost, messages_cost, bandwidth_bytes_cost, storage_bytes_cost, first_party_calls_cost, third_party_calls_cost FROM new_hours UNION ALL SELECT account_id, space_id, hour, -cpu_ms, -memory_bytes, -connections, -documents, -messages, -bandwidth_bytes, -storage_bytes, -first_party_calls, -third_party_calls, -cpu_ms_cost, -memory_bytes_cost, -connections_cost, -documents_cost, -messages_cost, -bandwidth_bytes_cost, -storage_bytes_cost, -first_party_calls_cost, -third_party_calls_cost FROM old_hours) AS delta
  GROUP BY 1, 2, 3
  ON CONFLICT (account_id, day, space_id) DO UPDATE SET cpu_ms = usage_days.cpu_ms + excluded.cpu_ms, memory_bytes = usage_days.memory_bytes + excluded.memory_bytes, connections = usage_days.connections + excluded.connections, documents = usage_days.documents + excluded.documents, messages = usage_days.messages + excluded.messages, bandwidth_bytes = usage_days.bandwidth_bytes + excluded.bandwidth_bytes, storage_bytes = usage_days.storage_bytes + excluded.storage_bytes, first_party_calls = usage_days.first_party_calls + excluded.first_party_calls, third_party_calls = usage_days.third_party_calls + excluded.third_party_calls, cpu_ms_cost = usage_days.cpu_ms_cost + excluded.cpu_ms_cost, memory_bytes_cost = usage_days.memory_bytes_cost + excluded.memory_bytes_cost, connections_cost = usage_days.connections_cost + excluded.connections_cost, documents_cost = usage_days.documents_cost + excluded.documents_cost, messages_cost = usage_days.messages_cost + excluded.messages_cost, bandwidth_bytes_cost = usage_days.bandwidth_bytes_cost + excluded.bandwidth_bytes_cost, storage_bytes_cost = usage_days.storage_bytes_cost + excluded.storage_bytes_cost, first_party_calls_cost = usage_days.first_party_calls_cost + excluded.first_party_calls_cost, third_party_calls_cost = usage_days.third_party_calls_cost + excluded.third_party_calls_cost;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION usage_days_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO usage_days (account_id, space_id, day, cpu_ms, memory_bytes, connections, documents, messages, bandwidth_bytes, storage_bytes, first_party_calls, third_party_calls, cpu_ms_cost, memory_bytes_cost, connections_cost, documents_cost, messages_cost, bandwidth_bytes_cost, storage_bytes_cost, first_party_calls_cost, third_party_calls_cost)
  SELECT account_id, space_id, date_trunc('day', hour, 'UTC'),
    sum(cpu_ms),
    sum(memory_bytes),
    sum(connections),
    sum(documents),
    sum(messages),
    sum(bandwidth_bytes),
    sum(storage_bytes),
    sum(first_party_calls),
    sum(third_party_calls),
    sum(cpu_ms_cost),
    sum(memory_bytes_cost),
    sum(connections_cost),
    sum(documents_cost),
    sum(messages_cost),
    sum(bandwidth_bytes_cost),
    sum(storage_bytes_cost),
    sum(first_party_calls_cost),
    sum(third_party_calls_cost)
  FROM (SELECT account_id, space_id, hour, -cpu_ms, -memory_bytes, -connections, -documents, -messages, -bandwidth_bytes, -storage_bytes, -first_party_calls, -third_party_calls, -cpu_ms_cost, -memory_bytes_cost, -connections_cost, -documents_cost, -messages_cost, -bandwidth_bytes_cost, -storage_bytes_cost, -first_party_calls_cost, -third_party_calls_cost FROM old_hours) AS delta
  GROUP BY 1, 2, 3
  ON CONFLICT (account_id, day, space_id) DO UPDATE SET cpu_ms = usage_days.cpu_ms + excluded.cpu_ms, memory_bytes = usage_days.memory_bytes + excluded.memory_bytes, connections = usage_days.connections + excluded.connections, documents = usage_days.documents + excluded.documents, messages = usage_days.messages + excluded.messages, bandwidth_bytes = usage_days.bandwidth_bytes + excluded.bandwidth_bytes, storage_bytes = usage_days.storage_bytes + excluded.storage_bytes, first_party_calls = usage_days.first_party_calls + excluded.first_party_calls, third_party_calls = usage_days.third_party_calls + excluded.third_party_calls, cpu_ms_cost = usage_days.cpu_ms_cost + excluded.cpu_ms_cost, memory_bytes_cost = usage_days.memory_bytes_cost + excluded.memory_bytes_cost, connections_cost = usage_days.connections_cost + excluded.connections_cost, documents_cost = usage_days.documents_cost + excluded.documents_cost, messages_cost = usage_days.messages_cost + excluded.messages_cost, bandwidth_bytes_cost = usage_days.bandwidth_bytes_cost + excluded.bandwidth_bytes_cost, storage_bytes_cost = usage_days.storage_bytes_cost + excluded.storage_bytes_cost, first_party_calls_cost = usage_days.first_party_calls_cost + excluded.first_party_calls_cost, third_party_calls_cost = usage_days.third_party_calls_cost + excluded.third_party_calls_cost;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION usage_days_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE usage_days;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER usage_days_insert AFTER INSERT ON usage_hours REFERENCING NEW TABLE AS new_hours
  FOR EACH STATEMENT EXECUTE FUNCTION usage_days_after_insert();
--> statement-breakpoint
CREATE TRIGGER usage_days_update AFTER UPDATE ON usage_hours REFERENCING OLD TABLE AS old_hours NEW TABLE AS new_hours
  FOR EACH STATEMENT EXECUTE FUNCTION usage_days_after_update();
--> statement-breakpoint
CREATE TRIGGER usage_days_delete AFTER DELETE ON usage_hours REFERENCING OLD TABLE AS old_hours
  FOR EACH STATEMENT EXECUTE FUNCTION usage_days_after_delete();
--> statement-breakpoint
CREATE TRIGGER usage_days_truncate AFTER TRUNCATE ON usage_hours FOR EACH STATEMENT EXECUTE FUNCTION usage_days_after_truncate();
--> statement-breakpoint
INSERT INTO usage_days (account_id, space_id, day, cpu_ms, memory_bytes, connections, documents, messages, bandwidth_bytes, storage_bytes, first_party_calls, third_party_calls, cpu_ms_cost, memory_bytes_cost, connections_cost, documents_cost, messages_cost, bandwidth_bytes_cost, storage_bytes_cost, first_party_calls_cost, third_party_calls_cost)
SELECT account_id, space_id, date_trunc('day', hour, 'UTC'),
    sum(cpu_ms),
    sum(memory_bytes),
    sum(connections),
    sum(documents),
    sum(messages),
    sum(bandwidth_bytes),
    sum(storage_bytes),
    sum(first_party_calls),
    sum(third_party_calls),
    sum(cpu_ms_cost),
    sum(memory_bytes_cost),
    sum(connections_cost),
    sum(documents_cost),
    sum(messages_cost),
    sum(bandwidth_bytes_cost),
    sum(storage_bytes_cost),
    sum(first_party_calls_cost),
    sum(third_party_calls_cost)
FROM usage_hours GROUP BY 1, 2, 3;
