// `npm run reconcile` (scripts/reconcile.ts) records its run on /admin/payments like the 15-minute job's,
// named as the script's, and exits 0 when there is no drift.
import { spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { countRows } from "../support/auth-fixtures";
import { runStripeHarnessInThisFile } from "../support/stripe-harness";
import { testDatabaseUrl } from "../support/test-env";

// The script reaches the same emulator through the environment the harness sets.
runStripeHarnessInThisFile();

function runReconcileScript(): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/reconcile.ts", "--days=1"], {
      env: { ...process.env, DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "ignore"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout: out }));
  });
}

describe("npm run reconcile", () => {
  it("records a finished run with its counts, triggered by the script", async () => {
    const before = await countRows(sql`select count(*) from reconciliation_runs where trigger = 'script'`);
    const { code, stdout } = await runReconcileScript();
    expect(stdout).toContain("Reconciled the last 1 days");
    const rows = await getDb().execute<{ finished: boolean; checked: number | null; error: string | null }>(sql`
      select finished_at is not null as finished, checked_payments as checked, error_code as error
      from reconciliation_runs where trigger = 'script' order by id desc limit 1`);
    expect(await countRows(sql`select count(*) from reconciliation_runs where trigger = 'script'`)).toBe(before + 1);
    expect(rows.rows[0]).toMatchObject({ finished: true, error: null });
    expect(rows.rows[0]!.checked).toBeGreaterThanOrEqual(0);
    // Other test files' payments may leave drift in this shared database; the exit code says which.
    expect(code === 0 ? "OK" : "DRIFT").toBe(stdout.includes("DRIFT") ? "DRIFT" : "OK");
  });
});
