// The database itself refuses to edit or remove ledger rows: UPDATE, DELETE and TRUNCATE on transfers
// and entries fail with restrict_violation, whatever client sends them. Run on a scratch database, so that if the
// triggers were ever missing, a TRUNCATE could not wipe the ledger the other tests share.
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import * as schema from "@/lib/db/schema";
import { postTransfers } from "@/lib/ledger/post-transfers";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";

const RESTRICT_VIOLATION = "23001";

describe("ledger immutability", () => {
  let scratch: ScratchDatabase;
  let pool: pg.Pool;
  let db: Database;
  let accountIds: Map<string, bigint>;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
    db = drizzle(pool, { schema });
    await migrateDatabase(db);
    const system = await pool.query<{ code: string; id: string }>(`select code, id::text from ledger_accounts`);
    accountIds = new Map(system.rows.map((row) => [row.code, BigInt(row.id)]));
    const id = (code: string) => accountIds.get(code)!;
    await db.transaction((tx) =>
      postTransfers(tx, [
        {
          idempotencyKey: "immutable:1",
          kind: "adjustment",
          fromAccountId: id("adjustments"),
          toAccountId: id("promotional_grants"),
          amountMicros: 1_000_000n,
        },
        {
          idempotencyKey: "immutable:2",
          kind: "top_up",
          fromAccountId: id("stripe_cash"),
          toAccountId: id("adjustments"),
          amountMicros: 250_000n,
        },
      ]),
    );
  });

  afterAll(async () => {
    await pool.end();
    await scratch.drop();
  });

  const snapshot = async () => ({
    transfers: (await pool.query(`select * from transfers order by id`)).rows,
    entries: (await pool.query(`select * from entries order by id`)).rows,
  });

  const refusals = [
    "update transfers set amount_micros = amount_micros + 1",
    "update transfers set reason = 'edited' where idempotency_key = 'immutable:1'",
    "delete from transfers where idempotency_key = 'immutable:2'",
    "delete from transfers",
    "truncate transfers cascade",
    "update entries set amount_micros = 0",
    "update entries set ledger_account_id = ledger_account_id where id = (select min(id) from entries)",
    "delete from entries where id = (select max(id) from entries)",
    "delete from entries",
    "truncate entries",
  ];

  it.each(refusals)("refuses `%s` and changes nothing", async (statement) => {
    const before = await snapshot();
    expect(before.transfers).toHaveLength(2);
    expect(before.entries).toHaveLength(4);
    const error = await pool.query(statement).then(
      () => undefined,
      (failure: unknown) => failure as { code?: string; message?: string },
    );
    expect(error?.code).toBe(RESTRICT_VIOLATION);
    expect(error?.message).toMatch(
      /ledger rows are immutable: (UPDATE|DELETE|TRUNCATE) on (transfers|entries) refused/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("still appends: a mistake is fixed by a reversing transfer", async () => {
    const [original] = (await snapshot()).transfers as Array<{ id: string }>;
    await db.transaction((tx) =>
      postTransfers(tx, [
        {
          idempotencyKey: "immutable:reversal",
          kind: "reversal",
          fromAccountId: accountIds.get("promotional_grants")!,
          toAccountId: accountIds.get("adjustments")!,
          amountMicros: 1_000_000n,
          reason: "Reverses immutable:1",
          reversesTransferId: BigInt(original!.id),
        },
      ]),
    );
    const after = await snapshot();
    expect(after.transfers).toHaveLength(3);
    expect(after.entries).toHaveLength(6);
  });
});
