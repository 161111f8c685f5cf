// `npm run ledger:check` as an operator runs it: a child process against a database, judged by its exit
// code and report. Corruption is staged on a scratch database, never on the one the other tests share.
import { spawn } from "node:child_process";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import * as schema from "@/lib/db/schema";
import { postTransfers } from "@/lib/ledger/post-transfers";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";
import { testDatabaseUrl } from "../support/test-env";

function runLedgerCheck(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/ledger-check.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("ledger:check", () => {
  it("passes on the test database and says what it checked", async () => {
    const url = testDatabaseUrl();
    const { code, output } = await runLedgerCheck(url);
    expect(output).toContain(`Ledger check of ${new URL(url).pathname.slice(1)}`);
    expect(output).toMatch(/transfers\s+\d+/);
    expect(output).toContain("OK: every transfer has two matching entries");
    expect(code, output).toBe(0);
  });

  it("exits 2, not 1, when it cannot check: an unmigrated database", async () => {
    const empty = await createScratchDatabase();
    try {
      const { code, output } = await runLedgerCheck(empty.url);
      expect(output).toContain("Ledger check could not run");
      expect(output).toContain("run `npm run db:migrate`");
      expect(code, output).toBe(2);
    } finally {
      await empty.drop();
    }
  });

  describe("on a scratch database", () => {
    let scratch: ScratchDatabase;
    let pool: pg.Pool;
    let db: Database;
    const accountId = `acct_check${Date.now()}`;
    const code = `customer:${accountId}`;

    beforeAll(async () => {
      scratch = await createScratchDatabase();
      pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
      db = drizzle(pool, { schema });
      await migrateDatabase(db);
      await pool.query(`insert into "user" (id, email) values ('user_check', 'check@ledger.test')`);
      await pool.query(`insert into billing_accounts (id, owner_user_id) values ($1, 'user_check')`, [accountId]);
      await pool.query(
        `insert into ledger_accounts (code, kind, billing_account_id, balance_micros) values ($1, 'customer_credit', $2, 0)`,
        [code, accountId],
      );
      const ids = await pool.query<{ code: string; id: string }>(`select code, id::text from ledger_accounts`);
      const id = (name: string) => BigInt(ids.rows.find((row) => row.code === name)!.id);
      await db.transaction((tx) =>
        postTransfers(tx, [
          {
            idempotencyKey: "check:grant",
            kind: "grant",
            fromAccountId: id("promotional_grants"),
            toAccountId: id(code),
            amountMicros: 5_000_000n,
          },
        ]),
      );
    });

    afterAll(async () => {
      await pool.end();
      await scratch.drop();
    });

    it("passes while the ledger is sound", async () => {
      const { code: exitCode, output } = await runLedgerCheck(scratch.url);
      expect(output).toMatch(/transfers\s+1\n/);
      expect(output).toMatch(/entries\s+2\n/);
      expect(exitCode, output).toBe(0);
    });

    it("fails naming the account when a cached balance drifts from its entries", async () => {
      // ledger_accounts is not immutable (its cached balance moves), so a stray UPDATE can corrupt it.
      await pool.query(`update ledger_accounts set balance_micros = balance_micros + 1 where code = $1`, [code]);
      const { code: exitCode, output } = await runLedgerCheck(scratch.url);
      expect(exitCode, output).toBe(1);
      expect(output).toContain("FAILED: 1 violation");
      expect(output).toContain(`${code}: cached 5000001, entries sum to 5000000`);
      await pool.query(`update ledger_accounts set balance_micros = balance_micros - 1 where code = $1`, [code]);
    });

    it("fails naming the transfer when its entries run the wrong way", async () => {
      // Entries that sum to zero on the right two accounts but move money backwards: invisible to the
      // cached-balance and zero-sum checks, so the per-transfer check must compare each side exactly.
      const inserted = await pool.query<{ id: string }>(`
        with t as (
          insert into transfers (idempotency_key, payload_hash, kind, from_account_id, to_account_id, amount_micros)
          select 'check:backwards', 'x', 'adjustment', a.id, p.id, 700 from ledger_accounts a, ledger_accounts p
          where a.code = 'adjustments' and p.code = 'promotional_grants' returning id, from_account_id, to_account_id
        ), e as (
          insert into entries (transfer_id, ledger_account_id, amount_micros)
          select id, from_account_id, 700 from t union all select id, to_account_id, -700 from t
        )
        select id::text from t`);
      const { code: exitCode, output } = await runLedgerCheck(scratch.url);
      expect(exitCode, output).toBe(1);
      expect(output).toContain("transfer entries: 1 violation");
      expect(output).toContain(`transfer ${inserted.rows[0]!.id}:`);
    });
  });
});
