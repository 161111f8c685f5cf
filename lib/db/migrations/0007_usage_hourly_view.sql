-- Usage by hour moves from one row per resource to one wide row per account, space and hour: a
-- 1,000-record batch then writes about a hundred rows instead of several hundred. A view keeps the
-- one-row-per-resource shape that usage queries read.
INSERT INTO "usage_hours" (account_id, space_id, hour, cpu_ms, memory_bytes, connections, documents, messages, bandwidth_bytes, storage_bytes, first_party_calls, third_party_calls, cpu_ms_cost, memory_bytes_cost, connections_cost, documents_cost, messages_cost, bandwidth_bytes_cost, storage_bytes_cost, first_party_calls_cost, third_party_calls_cost)
SELECT account_id, space_id, hour,
  coalesce(sum(units) filter (where resource = 'cpu_ms'), 0),
  coalesce(sum(units) filter (where resource = 'memory_bytes'), 0),
  coalesce(sum(units) filter (where resource = 'connections'), 0),
  coalesce(sum(units) filter (where resource = 'documents'), 0),
  coalesce(sum(units) filter (where resource = 'messages'), 0),
  coalesce(sum(units) filter (where resource = 'bandwidth_bytes'), 0),
  coalesce(sum(units) filter (where resource = 'storage_bytes'), 0),
  coalesce(sum(units) filter (where resource = 'first_party_calls'), 0),
  coalesce(sum(units) filter (where resource = 'third_party_calls'), 0),
  coalesce(sum(cost_micros) filter (where resource = 'cpu_ms'), 0),
  coalesce(sum(cost_micros) filter (where resource = 'memory_bytes'), 0),
  coalesce(sum(cost_micros) filter (where resource = 'connections'), 0),
  coalesce(sum(cost_micros) filter (where resource = 'documents'), 0),
  coalesce(sum(cost_micros) filter (where resource = 'messages'), 0),
  coalesce(sum(cost_micros) filter (where resource = 'bandwidth_bytes'), 0),
  coalesce(sum(cost_micros) filter (where resource = 'storage_bytes'), 0),
  coalesce(sum(cost_micros) filter (where resource = 'first_party_calls'), 0),
  coalesce(sum(cost_micros) filter (where resource = 'third_party_calls'), 0)
FROM "usage_hourly" GROUP BY account_id, space_id, hour;
--> statement-breakpoint
DROP TABLE "usage_hourly" CASCADE;
--> statement-breakpoint
CREATE VIEW "usage_hourly" AS
SELECT u.account_id, u.space_id, u.hour, r.resource, r.units, r.cost_micros
FROM "usage_hours" u
CROSS JOIN LATERAL (VALUES
    ('cpu_ms', u.cpu_ms, u.cpu_ms_cost),
    ('memory_bytes', u.memory_bytes, u.memory_bytes_cost),
    ('connections', u.connections, u.connections_cost),
    ('documents', u.documents, u.documents_cost),
    ('messages', u.messages, u.messages_cost),
    ('bandwidth_bytes', u.bandwidth_bytes, u.bandwidth_bytes_cost),
    ('storage_bytes', u.storage_bytes, u.storage_bytes_cost),
    ('first_party_calls', u.first_party_calls, u.first_party_calls_cost),
    ('third_party_calls', u.third_party_calls, u.third_party_calls_cost)
  ) AS r(resource, units, cost_micros)
WHERE r.units <> 0 OR r.cost_micros <> 0;
