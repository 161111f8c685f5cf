import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReadinessOrThrow } from "@/lib/db/check-readiness";
import { closeDb } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";

const isUnavailable = (pattern: RegExp) => (error: unknown) =>
  error instanceof AppError && error.code === "unavailable" && pattern.test(error.message);

describe("readiness", () => {
  let scratch: ScratchDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    pool = new pg.Pool({ connectionString: scratch.url });
  });

  afterAll(async () => {
    await pool.end();
    await closeDb();
    await scratch.drop();
  });

  it("is ready on the migrated test database", async () => {
    await expect(checkReadinessOrThrow()).resolves.toMatchObject({ database: "ok" });
  });

  it("is unavailable while migrations are pending", async () => {
    await expect(checkReadinessOrThrow(drizzle(pool, { schema }))).rejects.toSatisfy(isUnavailable(/migration/));
  });

  it("is unavailable when the database does not answer", async () => {
    const unreachable = new pg.Pool({ connectionString: "postgres://nobody:x@127.0.0.1:1/none", connectionTimeoutMillis: 1000 });
    await expect(checkReadinessOrThrow(drizzle(unreachable, { schema }))).rejects.toSatisfy(isUnavailable(/not reachable/));
    await unreachable.end();
  });
});
