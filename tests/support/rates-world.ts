// The world of the /admin/rates integration files (issue 18): a migrated scratch database of the file's
// own (publishing a card there must not change prices under the other test files), an operator and a
// member, and the factories their tests share. `db`, `operator` and `member` are set before the file's
// first test: ES module bindings are live, so a test file imports them like constants.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, expect } from "vitest";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { RESOURCES, type Resource } from "@/lib/billing/resources";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import * as schema from "@/lib/db/schema";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { RESOURCE_COPY } from "@/lib/pricing/resource-copy";
import type { AppSession } from "@/lib/session/app-session";
import { createMigratedScratchDatabase } from "./scratch-database";

export let db: Database;
export let operator: AppSession;
export let member: AppSession;

export const names = Object.fromEntries(
  RESOURCES.map((resource) => [resource, RESOURCE_COPY[resource].name]),
) as Record<Resource, string>;
// March 2026: the shadow bill re-rates February.
export const NOW = new Date("2026-03-15T10:20:00Z");

async function user(role: "user" | "admin", email: string | null = `${randomUUID()}@example.com`): Promise<AppSession> {
  const id = randomUUID();
  await db.execute(sql`insert into "user" (id, email, role) values (${id}, ${email}, ${role})`);
  return { user: { id, email: email ?? "", name: null, role }, expires: "2099-01-01T00:00:00.000Z" };
}

export async function customer(): Promise<string> {
  const { user: owner } = await user("user");
  return runTransaction(db, (tx) => createBillingAccount(tx, { userId: owner.id, grantMicros: 0n }));
}

export function prices(values: Partial<Record<Resource, string>>, fallback: string): Record<Resource, string> {
  return Object.fromEntries(RESOURCES.map((resource) => [resource, values[resource] ?? fallback])) as Record<
    Resource,
    string
  >;
}

export const count = (query: ReturnType<typeof sql>) =>
  db.execute<{ n: number }>(query).then((rows) => rows.rows[0]!.n);

/** Opens the file's scratch database and its two people before the first test; checks the ledger and drops it after the last. */
export function openRatesWorldForThisFile(): void {
  let scratch: Awaited<ReturnType<typeof createMigratedScratchDatabase>>;
  let pool: pg.Pool;
  beforeAll(async () => {
    scratch = await createMigratedScratchDatabase();
    pool = new pg.Pool({ connectionString: scratch.appUrl, max: 4 });
    db = drizzle(pool, { schema });
    operator = await user("admin");
    member = await user("user");
  });
  afterAll(async () => {
    expect(await checkLedgerInvariants(db)).toEqual([]);
    await pool.end();
    await scratch.drop();
  });
}
