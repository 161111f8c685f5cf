// npm run reconcile – compares Stripe's paid Checkout sessions and paid invoices (auto-recharges, top-ups)
// with the ledger's card credits and the site's index of invoices (DATABASE_URL or the embedded
// database; Stripe from the environment, the emulator in demo mode), repairs missed fulfilments, prints
// the drift, and exits 1 on drift (2 if it cannot run, another run holding the lock included), so a
// schedule can alarm on it. Each run is recorded on /admin/payments as the site's own every-15-minutes
// runs are.
import { closeDb, getDb } from "@/lib/db/client";
import { runReconciliation } from "@/lib/payments/run-reconciliation";
import { withDatabase } from "./lib/database";

const windowDays = Number(process.argv.find((arg) => arg.startsWith("--days="))?.slice("--days=".length) ?? "7");

async function reconcile(): Promise<number> {
  try {
    // Recorded like the job's runs (`/admin/payments`), under the same lock: never two at once.
    const { report } = await runReconciliation(getDb(), { trigger: "script", windowSeconds: Math.max(1, windowDays) * 24 * 3600 });
    console.log(`Reconciled the last ${windowDays} days: ${report.checkedPayments} Stripe payments, ${report.checkedInvoices} paid invoices, ${report.checkedCredits} ledger credits.`);
    for (const key of report.repaired) console.log(`  repaired: ${key} (credited now)`);
    for (const drift of report.drift) console.log(`  DRIFT ${drift.kind}: ${drift.key}: ${drift.detail}`);
    if (report.drift.length === 0) console.log(report.repaired.length === 0 ? "OK: no drift." : "OK: repaired, no other drift.");
    return report.drift.length === 0 ? 0 : 1;
  } finally {
    await closeDb();
  }
}

process.exitCode = await withDatabase(reconcile).catch((error: unknown) => {
  console.error(`Reconciliation could not run: ${error instanceof Error ? error.message : String(error)}`);
  return 2;
});
