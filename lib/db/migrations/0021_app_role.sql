-- Least privilege: the site connects as a member of `tandem_app`, which owns no table. Only an owner
-- can DISABLE TRIGGER, DROP TRIGGER or TRUNCATE, so the ledger's immutability triggers hold even
-- against the site's own connection. The role that runs migrations keeps ownership of everything.
-- Roles are cluster-wide: several databases on one server (the tests' scratch databases) migrate this
-- at once, so a concurrent CREATE ROLE of the same name counts as done.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tandem_app') THEN
    BEGIN
      CREATE ROLE tandem_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
  -- Migrating hands pg-boss's schema to tandem_app (lib/db/install-job-queue.ts), which needs the right to
  -- act as it. A superuser has it; a CREATEROLE role that just created tandem_app may grant it itself.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
    AND NOT pg_has_role(current_user, 'tandem_app', CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END) THEN
    BEGIN
      GRANT tandem_app TO CURRENT_USER;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'the migrating role % must be a member of tandem_app: GRANT tandem_app TO %', current_user, current_user;
    END;
  END IF;
END
$$;
--> statement-breakpoint
-- Before PostgreSQL 15 anyone could create tables in public; nothing but migrations should.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tandem_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tandem_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tandem_app;
--> statement-breakpoint
-- Append-only: the ledger (also guarded by triggers), the usage records and rate cards it was priced
-- from, account closures, processed Stripe events and the operators' audit log. The site only reads and
-- adds these rows; without UPDATE it cannot even lock them FOR UPDATE.
REVOKE UPDATE, DELETE, TRUNCATE ON transfers, entries, meter_records, rate_cards, rate_card_entries,
  account_closures, stripe_events, audit_log FROM tandem_app;
--> statement-breakpoint
-- /api/ready compares the applied migrations with the committed ones.
GRANT USAGE ON SCHEMA drizzle TO tandem_app;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO tandem_app;
--> statement-breakpoint
-- Tables and sequences later migrations create (run by this same migrating role) get the ordinary
-- grants; a migration adding an append-only table revokes UPDATE and DELETE on it, as above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tandem_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tandem_app;
