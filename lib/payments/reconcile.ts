import "server-only";
import { and, eq, gte, like, or, sql } from "drizzle-orm";
import { findTransferByKey } from "@/lib/ledger/find-transfer-by-key";
import type { Database } from "@/lib/db/client";
import { transfers } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { getStripe } from "@/lib/stripe/get-stripe";
import { fulfillCheckout } from "./fulfill-checkout";
import { getPaymentMetrics } from "./payment-metrics";
import { checkPaidInvoices, findCreditsWithoutInvoices, type InvoiceDriftKind } from "./reconcile-invoices";
import { callStripe } from "./stripe-error";
import { centsToMicros } from "./top-up-amount";

export type DriftKind = "amount_mismatch" | "credit_without_payment" | "unfulfillable_payment" | InvoiceDriftKind;
export type Drift = { kind: DriftKind; key: string; detail: string };
export type ReconcileReport = { checkedPayments: number; checkedCredits: number; checkedInvoices: number; repaired: string[]; drift: Drift[] };

/** How far back a run looks (Stripe objects and ledger credits created since then). */
const DEFAULT_WINDOW_SECONDS = 7 * 24 * 3600;

async function ledgerCredits(db: Database, sinceSeconds: number): Promise<Map<string, bigint>> {
  const rows = await db
    .select({ key: transfers.idempotencyKey, micros: transfers.amountMicros })
    .from(transfers)
    .where(
      and(
        eq(transfers.kind, "top_up"),
        gte(transfers.createdAt, sql`to_timestamp(${sinceSeconds})`),
        or(like(transfers.idempotencyKey, "checkout:%"), like(transfers.idempotencyKey, "payment_intent:%")),
      ),
    );
  return new Map(rows.map((row) => [row.key, row.micros]));
}

async function creditOf(db: Database, key: string): Promise<bigint | undefined> {
  return (await findTransferByKey(db, key))?.amountMicros;
}

async function isPaidAtStripe(prefix: string, id: string): Promise<boolean> {
  const stripe = getStripe();
  try {
    if (prefix === "checkout") return (await callStripe("reconciling", () => stripe.checkout.sessions.retrieve(id))).payment_status === "paid";
    return (await callStripe("reconciling", () => stripe.paymentIntents.retrieve(id))).status === "succeeded";
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return false;
    throw error;
  }
}

/**
 * Compares Stripe's paid Checkout top-ups and paid invoices with the ledger's card credits and our index
 * of invoices, both ways. A paid top-up or auto-recharge invoice without its credit (a dropped webhook,
 * a job that died) is repaired through the same idempotent fulfilment the webhook uses; anything else
 * (amounts that differ, a credit without an invoice or an invoice without a credit, a credit
 * whose payment Stripe does not show as paid, a payment we cannot fulfil) is drift: a system problem,
 * counted in `payment_reconcile_findings_total` and logged, never "fixed" by guessing. Running it again
 * changes nothing.
 */
export async function reconcilePayments(db: Database, options: { windowSeconds?: number } = {}): Promise<ReconcileReport> {
  const since = Math.floor(Date.now() / 1000) - (options.windowSeconds ?? DEFAULT_WINDOW_SECONDS);
  const stripe = getStripe();
  const report: ReconcileReport = { checkedPayments: 0, checkedCredits: 0, checkedInvoices: 0, repaired: [], drift: [] };
  const seen = new Set<string>();

  async function check(key: string, expectedMicros: bigint, repair: () => Promise<boolean>): Promise<void> {
    report.checkedPayments += 1;
    seen.add(key);
    let credited = await creditOf(db, key);
    if (credited === undefined) {
      try {
        if (await repair()) report.repaired.push(key);
      } catch (error) {
        if (!(error instanceof AppError && error.code === "not_found")) throw error;
        return; // not one of our accounts' payments
      }
      credited = await creditOf(db, key);
      if (credited === undefined) report.drift.push({ kind: "unfulfillable_payment", key, detail: "paid at Stripe, and fulfilment posted nothing" });
    }
    if (credited !== undefined && credited !== expectedMicros) {
      report.drift.push({ kind: "amount_mismatch", key, detail: `Stripe ${expectedMicros} micros, ledger ${credited} micros` });
    }
  }

  const sessions = stripe.checkout.sessions.list({ status: "complete", created: { gte: since }, limit: 100 });
  for await (const session of sessions) {
    if (session.mode !== "payment" || session.payment_status !== "paid" || !session.metadata?.billing_account_id) continue;
    await check(`checkout:${session.id}`, centsToMicros(session.amount_subtotal ?? 0), async () => (await fulfillCheckout(db, session.id)).isNewCredit);
  }
  // Auto-recharges are paid through invoices (and every top-up has one): each paid invoice of ours has
  // its credit, settled through the same fulfilment when missing.
  const invoiceCheck = await checkPaidInvoices(db, since);
  report.checkedInvoices = invoiceCheck.checkedInvoices;
  report.checkedPayments += invoiceCheck.checkedAutoRecharges;
  report.repaired.push(...invoiceCheck.repaired.filter((key) => !report.repaired.includes(key)));
  report.drift.push(...invoiceCheck.drift);
  for (const key of invoiceCheck.creditKeys) seen.add(key);

  // The other way: each credit must name a payment Stripe shows as paid (older ones are re-read one by one).
  for (const [key] of await ledgerCredits(db, since)) {
    report.checkedCredits += 1;
    if (seen.has(key)) continue;
    const [prefix, id] = key.split(/:(.*)/s) as [string, string];
    const paid = await isPaidAtStripe(prefix, id);
    if (!paid) report.drift.push({ kind: "credit_without_payment", key, detail: "credited here, not paid at Stripe" });
  }
  report.drift.push(...(await findCreditsWithoutInvoices(db, since)));

  const metrics = getPaymentMetrics();
  for (const key of report.repaired) {
    metrics.reconcileFindings.inc({ kind: "repaired" });
    getLogger().warn({ key }, "reconciliation repaired a missed fulfilment");
  }
  for (const drift of report.drift) {
    metrics.reconcileFindings.inc({ kind: drift.kind });
    getLogger().error({ key: drift.key, kind: drift.kind, detail: drift.detail }, "payment drift between Stripe and the ledger");
  }
  metrics.reconcileRuns.inc({ outcome: report.drift.length > 0 ? "drift" : "ok" });
  return report;
}
