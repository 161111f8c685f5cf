import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
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
});
