import "server-only";
import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Transaction } from "./client";

/** pg-boss's schema; lib/jobs/start-jobs.ts starts pg-boss on the same one. */
export const JOB_QUEUE_SCHEMA = "pgboss";

// Gives every pg-boss object to tandem_app. pg-boss runs in the site (as a member of tandem_app) and
// creates a table per new queue, which it ATTACHes to `pgboss.job`: only the owner may. Databases whose
// site connected as the owner before migration app_role have a pg-boss schema the owner made; this
// hands it over too. Only objects not yet handed over are altered, so a re-run takes no table locks.
const HAND_OVER = `
DO $$
DECLARE
  item record;
BEGIN
  IF (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = '${JOB_QUEUE_SCHEMA}') <> 'tandem_app' THEN
    ALTER SCHEMA ${JOB_QUEUE_SCHEMA} OWNER TO tandem_app;
  END IF;
  FOR item IN
    SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = '${JOB_QUEUE_SCHEMA}' AND c.relkind IN ('r', 'p', 'S', 'v')
      AND pg_get_userbyid(c.relowner) <> 'tandem_app'
      -- a sequence owned by a column follows its table
      AND (c.relkind <> 'S' OR NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
        AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
  LOOP
    EXECUTE format(CASE item.relkind WHEN 'S' THEN 'ALTER SEQUENCE %I.%I OWNER TO tandem_app'
      WHEN 'v' THEN 'ALTER VIEW %I.%I OWNER TO tandem_app' ELSE 'ALTER TABLE %I.%I OWNER TO tandem_app' END,
      '${JOB_QUEUE_SCHEMA}', item.relname);
  END LOOP;
  FOR item IN
    SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = '${JOB_QUEUE_SCHEMA}' AND pg_get_userbyid(p.proowner) <> 'tandem_app'
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO tandem_app', item.signature);
  END LOOP;
  FOR item IN
    SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = '${JOB_QUEUE_SCHEMA}' AND t.typtype IN ('e', 'd') AND pg_get_userbyid(t.typowner) <> 'tandem_app'
  LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO tandem_app', item.name);
  END LOOP;
END
$$`;

/** pg-boss's own install script, without its BEGIN and COMMIT: it runs inside the migration's transaction. */
function constructionPlan(): string {
  const plan = PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA);
  const opens = /^\s*BEGIN;/;
  const closes = /COMMIT;\s*$/;
  if (!opens.test(plan) || !closes.test(plan)) {
    throw new Error("pg-boss's construction plan is no longer BEGIN; … COMMIT;: update lib/db/install-job-queue.ts");
  }
  return plan.replace(opens, "").replace(closes, "");
}

/**
 * Installs pg-boss's schema when it is missing and gives it to tandem_app. Installing at migration time,
 * as the migrating role, means the site's role needs no right to create schemas in the database.
 * Runs inside migrateDatabase's transaction, under its lock, so concurrent migrators cannot race here.
 */
export async function installJobQueue(tx: Transaction): Promise<void> {
  // A query on pg_tables, not to_regclass(): the latter may answer from a catalog snapshot taken before
  // this transaction waited for the migrations lock, and miss what the migrator before it created.
  const { rows } = await tx.execute<{ installed: boolean }>(
    sql`select exists (select from pg_tables where schemaname = ${JOB_QUEUE_SCHEMA} and tablename = 'version') as installed`,
  );
  if (!rows[0]?.installed) await tx.execute(sql.raw(constructionPlan()));
  await tx.execute(sql.raw(HAND_OVER));
}
