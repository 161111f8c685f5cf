// Migration 0033 (platform token scopes, issue 18): tokens made before it keep working, and the scopes
// column holds only the known scopes. Run on a scratch database migrated up to 0032 first.
import { rmSync } from "node:fs";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import * as schema from "@/lib/db/schema";
import { migrationsUpTo } from "../support/migrations-up-to";
import { createScratchDatabase } from "../support/scratch-database";

describe("migration 0033", () => {
  it("gives the tokens made before it both scopes, so they keep working, and holds scopes to the known ones", async () => {
    const scratch = await createScratchDatabase();
    const pool = new pg.Pool({ connectionString: scratch.url, max: 1 });
    const folder = migrationsUpTo(32);
    try {
      const db = drizzle(pool, { schema }) as unknown as Database;
      await migrate(db, { migrationsFolder: folder });
      await pool.query(
        `insert into platform_tokens (name, token_hash, prefix) values ('old-fleet', 'hash-old', 'ptk_old')`,
      );
      await migrateDatabase(db);
      const rows = await pool.query<{ scopes: string[]; created_by: string | null }>(
        `select scopes, created_by from platform_tokens where name = 'old-fleet'`,
      );
      expect(rows.rows).toEqual([{ scopes: ["ingest", "read"], created_by: null }]);
      // An insert that names no scopes (older scripts and fixtures) gets what every token could do before.
      await pool.query(
        `insert into platform_tokens (name, token_hash, prefix) values ('unnamed', 'hash-unnamed', 'ptk_unn')`,
      );
      expect(
        (await pool.query<{ scopes: string[] }>(`select scopes from platform_tokens where name = 'unnamed'`)).rows[0]!
          .scopes,
      ).toEqual(["ingest", "read"]);
      await expect(
        pool.query(
          `insert into platform_tokens (name, token_hash, prefix, scopes) values ('new', 'hash-new', 'ptk_new', '{}')`,
        ),
      ).rejects.toMatchObject({ code: "23514" });
      await expect(
        pool.query(
          `insert into platform_tokens (name, token_hash, prefix, scopes) values ('new', 'hash-new', 'ptk_new', '{admin}')`,
        ),
      ).rejects.toMatchObject({ code: "23514" });
    } finally {
      await pool.end();
      await scratch.drop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
