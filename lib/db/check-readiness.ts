import "server-only";
import { sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb, type Database } from "./client";
import { getMigrationStatus } from "./migrations";

export type Readiness = { database: "ok"; migrations: { applied: number; expected: number } };

/** Throws `unavailable` unless the database answers and every committed migration is applied. */
export async function checkReadinessOrThrow(db: Database = getDb()): Promise<Readiness> {
  try {
    await db.execute(sql`select 1`);
  } catch (error) {
    throw new AppError("unavailable", { message: "The database is not reachable.", cause: error });
  }
  const status = await getMigrationStatus(db);
  if (status.pending.length > 0) {
    throw new AppError("unavailable", {
      message: `${status.pending.length} database migration(s) are not applied.`,
    });
  }
  return { database: "ok", migrations: { applied: status.applied, expected: status.expected } };
}
