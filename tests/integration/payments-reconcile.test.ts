import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getMetrics } from "@/lib/observability/metrics";
import { reconcilePayments, type ReconcileReport } from "@/lib/payments/reconcile";
import { runAutoRecharge } from "@/lib/payments/run-auto-recharge";
import { debit, turnOnAutoRecharge } from "../support/auto-recharge";
import {
  WELCOME_MICROS,
  balanceOf,
  createPayingUser,
  payTopUp,
  saveCard,
  startTopUp,
  transfersOf,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile();

// Other test files share the database (with their own emulators): look only at this test's keys.
function about(report: ReconcileReport, keys: string[]) {
  return { repaired: report.repaired.filter((key) => keys.includes(key)), drift: report.drift.filter((drift) => keys.includes(drift.key)) };
}

describe("reconciliation", () => {
  it("repairs a top-up whose webhook was dropped, once, and a second run changes nothing", async () => {
    const user = await createPayingUser();
    await harness.control("POST", "/webhooks", { mode: "drop" });
    const sessionId = await startTopUp(user, 2500);
    await payTopUp(harness, sessionId); // paid at Stripe; the webhook never arrives, nobody opens the return page
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS);

    const keys = [`checkout:${sessionId}`];
    const first = await reconcilePayments(getDb(), { windowSeconds: 3600 });
    expect(about(first, keys)).toEqual({ repaired: keys, drift: [] });
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 25_000_000n);
    const ledgerAfterFirst = await transfersOf(user.accountId);
    const second = await reconcilePayments(getDb(), { windowSeconds: 3600 });
    expect(about(second, keys)).toEqual({ repaired: [], drift: [] });
    expect(await transfersOf(user.accountId)).toEqual(ledgerAfterFirst);
    const metrics = await getMetrics().registry.getSingleMetricAsString("payment_reconcile_findings_total");
    expect(metrics).toMatch(/payment_reconcile_findings_total\{kind="repaired"\} [1-9]/);
  });

  it("reports a ledger credit that Stripe does not show as paid as drift, and changes nothing", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user);
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    await debit(user.accountId, 200);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
    const credit = (await transfersOf(user.accountId)).find((transfer) => transfer.kind === "top_up")!;
    // Stripe forgets everything (an emulator reset): the credit now names a payment Stripe does not have.
    await harness.control("POST", "/reset");
    const report = await reconcilePayments(getDb(), { windowSeconds: 3600 });
    expect(about(report, [credit.key]).drift.map((drift) => [drift.kind, drift.key])).toEqual([["credit_without_payment", credit.key]]);
    expect(await balanceOf(user.accountId)).toBe(20_000_000n);
    await harness.control("POST", "/webhooks", { mode: "normal", urls: [] });
  });
});
