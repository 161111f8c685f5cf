import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { getMigrationStatus, migrateDatabase } from "@/lib/db/migrations";
import * as schema from "@/lib/db/schema";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";

describe("migrations", () => {
  let scratch: ScratchDatabase;
  let pool: pg.Pool;
  let db: Database;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    pool = new pg.Pool({ connectionString: scratch.url, max: 6 });
    db = drizzle(pool, { schema });
  });

  afterAll(async () => {
    await pool.end();
    await scratch.drop();
  });

  it("reports every migration pending on an empty database", async () => {
    const status = await getMigrationStatus(db);
    expect(status.applied).toBe(0);
    expect(status.pending.length).toBe(status.expected);
    expect(status.expected).toBeGreaterThan(0);
  });

  it("applies all of them once, even when several processes migrate at the same moment", async () => {
    await Promise.all([migrateDatabase(db), migrateDatabase(db), migrateDatabase(db)]);
    const status = await getMigrationStatus(db);
    expect(status.pending).toEqual([]);
    const rows = await pool.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    expect(rows.rows[0]?.n).toBe(status.expected);
  });

  it("is idempotent", async () => {
    await migrateDatabase(db);
    const rows = await pool.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    expect(rows.rows[0]?.n).toBe((await getMigrationStatus(db)).expected);
  });

  // Before migration app_role the site connected as the owner, so pg-boss made its schema (and a table
  // per queue) as the owner. The site's own role must own them now: pg-boss attaches a table to
  // pgboss.job for each new queue, which only the owner of pgboss.job may.
  it("hands a job queue schema the owner made to tandem_app", async () => {
    const older = await createScratchDatabase();
    const olderPool = new pg.Pool({ connectionString: older.url, max: 2 });
    try {
      const boss = new PgBoss({ connectionString: older.url, schema: "pgboss", max: 2, supervise: false, schedule: false });
      await boss.start();
      await boss.createQueue("made-by-the-owner", { name: "made-by-the-owner", policy: "standard" });
      await boss.stop({ graceful: false, wait: true });
      await migrateDatabase(drizzle(olderPool, { schema }));
      const owners = await olderPool.query<{ owner: string; objects: number }>(`
        select owner, count(*)::int as objects from (
          select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = 'pgboss'
          union all select pg_get_userbyid(c.relowner) from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'pgboss' and c.relkind in ('r', 'p', 'S', 'v')
          union all select pg_get_userbyid(p.proowner) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname = 'pgboss'
        ) o group by owner`);
      expect(owners.rows.map((row) => row.owner)).toEqual(["tandem_app"]);
      // the schema, version, queue, schedule, subscription, job, archive, the queue's table, two functions
      expect(owners.rows[0]!.objects).toBeGreaterThanOrEqual(10);
    } finally {
      await olderPool.end();
      await older.drop();
    }
  });
});
