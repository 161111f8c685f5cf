// npm run ledger:check – verifies the ledger invariants on DATABASE_URL (or the embedded database),
// prints a report and exits 1 on any violation (2 if it cannot check), to gate a deploy or alarm.
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db/client";
import { sqlState } from "@/lib/db/run-transaction";
import { checkLedgerInvariants, type InvariantViolation } from "@/lib/ledger/check-invariants";
import { withDatabase } from "./lib/database";
import { formatTable } from "./lib/print-table";

// checkLedgerInvariants lists at most this many violations of each invariant.
const LISTED_PER_INVARIANT = 50;

function describeDatabase(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${decodeURIComponent(pathname.slice(1))} on ${hostname}${port ? `:${port}` : ""}`;
}

function formatViolations(violations: InvariantViolation[]): string {
  const byInvariant = new Map<string, InvariantViolation[]>();
  for (const violation of violations) {
    byInvariant.set(violation.invariant, [...(byInvariant.get(violation.invariant) ?? []), violation]);
  }
  const lines: string[] = [];
  for (const [invariant, found] of byInvariant) {
    const more = found.length >= LISTED_PER_INVARIANT ? ` (the first ${LISTED_PER_INVARIANT} shown)` : "";
    lines.push(`  ${invariant}: ${found.length} violation${found.length === 1 ? "" : "s"}${more}`);
    for (const violation of found) lines.push(`    - ${violation.detail}`);
  }
  return lines.join("\n");
}

async function checkLedger(url: string): Promise<number> {
  const db = getDb();
  try {
    const counts = await db.execute<{ transfers: string; entries: string; accounts: string; cached: string }>(sql`
      select (select count(*) from transfers)::text as transfers, (select count(*) from entries)::text as entries,
        (select count(*) from ledger_accounts)::text as accounts,
        (select count(*) from ledger_accounts where balance_micros is not null)::text as cached`);
    const violations = await checkLedgerInvariants(db);
    const { transfers, entries, accounts, cached } = counts.rows[0]!;
    console.log(`Ledger check of ${describeDatabase(url)}`);
    console.log(
      formatTable([
        ["transfers", transfers],
        ["entries", entries],
        ["ledger accounts", `${accounts} (${cached} with a cached balance)`],
      ]),
    );
    if (violations.length === 0) {
      console.log(
        "\nOK: every transfer has two matching entries, every cached balance equals its entries, and balances sum to zero.",
      );
      return 0;
    }
    console.log(
      `\nFAILED: ${violations.length} violation${violations.length === 1 ? "" : "s"}\n${formatViolations(violations)}`,
    );
    return 1;
  } finally {
    await closeDb();
  }
}

// A check that cannot run exits 2, so a schedule can tell "the ledger is wrong" from "the check broke".
process.exitCode = await withDatabase(checkLedger).catch((error: unknown) => {
  // Drizzle wraps the driver's error in one that quotes the whole query; the driver's says what failed.
  const reason = (error as { cause?: unknown }).cause ?? error;
  const hint = sqlState(error) === "42P01" ? " (the ledger tables are missing: run `npm run db:migrate`)" : "";
  console.error(`Ledger check could not run: ${reason instanceof Error ? reason.message : String(reason)}${hint}`);
  return 2;
});
