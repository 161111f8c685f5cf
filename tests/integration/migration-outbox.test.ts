// Migration 0023 (one outbox for every email): the emails payment_notices and standing_changes still
// owed are moved into email_outbox, rendered as the code renders them and keeping their tries, so an
// upgrade loses none and sends none twice; then the columns that existed only for sending go. A scratch
// database migrated to 0022, seeded the way the old code left it, then migrated the rest of the way.
import { rmSync } from "node:fs";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { standingMessage } from "@/lib/billing/notify-standing-changes";
import type { Database } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import * as schema from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { migrationsUpTo } from "../support/migrations-up-to";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";

describe("migration 0023", () => {
  let scratch: ScratchDatabase;
  let pool: pg.Pool;
  let db: Database;
  let folder: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    pool = new pg.Pool({ connectionString: scratch.url, max: 1 });
    db = drizzle(pool, { schema });
    folder = migrationsUpTo(22);
    await migrate(db, { migrationsFolder: folder });
  });

  afterAll(async () => {
    await pool.end();
    await scratch.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("moves every email still owed into email_outbox, once, and drops the old sending columns", async () => {
    // The old code's rows, without the ledger behind them (foreign keys are not the point here).
    await pool.query(`
      set session_replication_role = replica;
      insert into "user" (id, email) values ('u-owner', 'owner@example.test'), ('u-closed', null);
      insert into billing_accounts (id, owner_user_id) values ('acct_owner', 'u-owner'), ('acct_closed', 'u-closed');
      insert into alert_preferences (account_id, low_balance, ran_out, recovered) values ('acct_owner', true, false, true);
      insert into payment_notices (account_id, transfer_id, kind, amount_micros, balance_micros, receipt_url, attempts, last_attempt_at, notified_at) values
        ('acct_owner', 101, 'receipt', 1234567891, 1239567891, 'https://pay.example/r/1', 3, '2026-11-01T10:00:00Z', null),
        ('acct_owner', 102, 'dispute_opened', 25000000, -5000000, null, 0, null, null),
        ('acct_owner', 103, 'refund', 25000000, 5000000, null, 1, now(), now()),
        ('acct_closed', 104, 'receipt', 25000000, 30000000, null, 0, null, null);
      insert into standing_changes (account_id, from_state, to_state, balance_micros, cause, attempts, last_attempt_at, notified_at) values
        ('acct_owner', 'active', 'low', 4000000, 'usage', 20, '2026-11-01T10:00:00Z', null),
        ('acct_owner', 'low', 'grace', -1000000, 'usage', 0, null, null),
        ('acct_owner', 'grace', 'frozen', -5000000, 'usage', 0, null, null),
        ('acct_owner', 'frozen', 'active', 20000000, 'top_up', 1, now(), now());
      insert into email_outbox (template, to_address, subject, text_body) values ('invite', 'friend@example.test', 'Your invitation to Tandem', 'body');
      set session_replication_role = origin;`);
    const changeIds = (
      await pool.query<{ id: string; to_state: string }>(`select id::text, to_state from standing_changes order by id`)
    ).rows;
    const changeId = (state: string) => changeIds.find((change) => change.to_state === state)!.id;

    await migrateDatabase(db);

    const rows = await pool.query<{
      key: string;
      template: string;
      to: string;
      subject: string;
      text: string;
      account: string | null;
      attempts: number;
      tried: Date | null;
    }>(`
      select idempotency_key as key, template, to_address as to, subject, text_body as text, account_id as account, attempts, last_attempt_at as tried
      from email_outbox order by id`);
    const appUrl = getEnv().appUrl;
    const low = standingMessage("active", "low");
    const frozen = standingMessage("grace", "frozen");
    expect(rows.rows).toEqual([
      expect.objectContaining({
        key: expect.stringMatching(/^outbox:\d+$/) as string,
        template: "invite",
        account: null,
      }),
      {
        key: "payment-notice:101",
        template: "payment-receipt",
        to: "owner@example.test",
        subject: "Receipt: $1,234.57 added to your Tandem balance",
        text: `Thank you: $1,234.57 of prepaid credit was added to your account.\nYour balance is now $1,239.57.\nCard receipt: https://pay.example/r/1\n\nBilling: ${appUrl}/account/billing`,
        account: "acct_owner",
        attempts: 3,
        tried: new Date("2026-11-01T10:00:00Z"),
      },
      expect.objectContaining({
        key: "payment-notice:102",
        template: "payment-dispute-opened",
        subject: "A $25.00 payment to Tandem is disputed",
        text: `Your bank disputed a $25.00 top-up, so that credit is on hold while the dispute is open.\nYour balance is now -$5.00.\n\nBilling: ${appUrl}/account/billing`,
        attempts: 0,
      }),
      // The sent ones stay sent; the closed account's owner has no address; the owner switched "ran out" off.
      {
        key: `standing-change:${changeId("low")}`,
        template: "standing-low",
        to: "owner@example.test",
        subject: low.subject,
        text: `${low.body}\n\nBalance: $4.00\nAccount: ${appUrl}/account\n`,
        account: "acct_owner",
        attempts: 20,
        tried: new Date("2026-11-01T10:00:00Z"),
      },
      expect.objectContaining({
        key: `standing-change:${changeId("frozen")}`,
        template: "standing-frozen",
        subject: frozen.subject,
        text: `${frozen.body}\n\nBalance: -$5.00\nAccount: ${appUrl}/account\n`,
      }),
    ]);

    const columns = await pool.query<{ name: string }>(`
      select table_name || '.' || column_name as name from information_schema.columns
      where table_name in ('payment_notices', 'standing_changes') and column_name in ('attempts', 'last_attempt_at', 'notified_at')`);
    expect(columns.rows).toEqual([]);
    // What the ledger and the pages read stays.
    expect((await pool.query(`select kind, amount_micros from payment_notices`)).rowCount).toBe(4);
    expect((await pool.query(`select from_state, to_state, cause from standing_changes`)).rowCount).toBe(4);
  });
});
