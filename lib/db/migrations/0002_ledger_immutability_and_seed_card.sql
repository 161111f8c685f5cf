-- Transfers and entries are immutable: mistakes are fixed by reversing transfers, never by editing.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger rows are immutable: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER transfers_immutable BEFORE UPDATE OR DELETE ON transfers FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfers_no_truncate BEFORE TRUNCATE ON transfers FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER entries_immutable BEFORE UPDATE OR DELETE ON entries FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
-- The platform's own ledger accounts; customer credit accounts are created with each billing account.
INSERT INTO ledger_accounts (code, kind) VALUES
  ('stripe_cash', 'stripe_cash'),
  ('usage_revenue', 'usage_revenue'),
  ('promotional_grants', 'promotional_grants'),
  ('disputes', 'disputes'),
  ('adjustments', 'adjustments');
--> statement-breakpoint
-- Rate card version 1, in force from the start.
INSERT INTO rate_cards (version, effective_from) VALUES (1, '2020-01-01T00:00:00Z');
--> statement-breakpoint
INSERT INTO rate_card_entries (card_id, resource, unit_label, price_micros, per_units)
SELECT id, v.resource, v.unit_label, v.price_micros, v.per_units
FROM rate_cards, (VALUES
  ('cpu_ms', 'CPU-hour', 40000::bigint, 3600000::bigint),
  ('memory_bytes', 'GiB-hour', 5000, 1073741824),
  ('connections', '100 connection-hours', 10000, 100),
  ('documents', '1,000 document-hours', 10000, 1000),
  ('messages', 'million messages', 250000, 1000000),
  ('bandwidth_bytes', 'GB', 50000, 1000000000),
  ('storage_bytes', 'GiB-month', 20000, 783831531520),
  ('first_party_calls', '1,000 calls', 100000, 1000),
  ('third_party_calls', '1,000 calls', 200000, 1000)
) AS v(resource, unit_label, price_micros, per_units)
WHERE rate_cards.version = 1;
