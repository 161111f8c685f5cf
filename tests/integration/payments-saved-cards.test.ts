import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { applyChargeRefunds } from "@/lib/payments/apply-charge-refunds";
import { reconcilePayments } from "@/lib/payments/reconcile";
import { runAutoRecharge } from "@/lib/payments/run-auto-recharge";
import { createCardSetupCheckout, createPortalSession, getSavedCard } from "@/lib/payments/saved-card";
import { debit, rechargesOf, turnOnAutoRecharge } from "../support/auto-recharge";
import {
  balanceOf,
  createPayingUser,
  customerOf,
  saveCard,
  sessionIdFromUrl,
  waitForProcessedEvent,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile();

const M = (dollars: number) => BigInt(dollars) * 1_000_000n;

describe("saved cards, the Customer Portal and auto-recharge credits", () => {
  it("a card saved in setup mode replaces the default card through the webhook alone", async () => {
    const user = await createPayingUser();
    expect(await getSavedCard(getDb(), user)).toBeNull();
    await saveCard(harness, user); // a Visa is the default; Stripe would keep it when another card is added
    const sessionId = sessionIdFromUrl(await createCardSetupCheckout(getDb(), { userId: user.userId, attemptId: crypto.randomUUID() }));
    await harness.control("POST", `/checkout/sessions/${sessionId}/complete`, { card: "5555555555554444" });
    await waitForProcessedEvent("checkout.session.completed", sessionId);
    expect(await getSavedCard(getDb(), user)).toMatchObject({ brand: "mastercard", last4: "4444" });
  });

  it("the portal link opens the emulator's portal, where changing the default card is what auto-recharge then uses", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user);
    const url = await createPortalSession(getDb(), user.userId);
    expect(url).toMatch(/\/p\/session\/bps_/);
    const form = (path: string, fields: Record<string, string>) =>
      fetch(`${url}${path}`, { method: "POST", redirect: "manual", body: new URLSearchParams(fields) });
    expect((await form("/cards", { card_number: "5555 5555 5555 4444", exp: "12 / 34" })).status).toBe(303);
    const cards = await harness.stripe.customers.listPaymentMethods(await customerOf(user.accountId), { type: "card" });
    const mastercard = cards.data.find((card) => card.card?.brand === "mastercard")!;
    expect((await form("/default", { payment_method: mastercard.id })).status).toBe(303);
    expect(await getSavedCard(getDb(), user)).toMatchObject({ paymentMethodId: mastercard.id, last4: "4444" });

    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    await debit(user.accountId, 200);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("succeeded");
    const intents = await harness.stripe.paymentIntents.list({ customer: await customerOf(user.accountId) });
    expect(intents.data.map((intent) => intent.payment_method)).toEqual([mastercard.id]);
  });

  it("a charge whose job died is credited once by reconciliation, and a refund names the credit it reverses", async () => {
    const user = await createPayingUser();
    await saveCard(harness, user);
    await turnOnAutoRecharge(user, { threshold: "4", target: "20", monthlyCap: "100" });
    await debit(user.accountId, 200);
    // Stripe charges, the answer is lost, and the webhook is dropped: only reconciliation can see it.
    // Issue 20: the charge is the invoice's payment; the job dies reading the paid invoice back.
    await harness.control("POST", "/webhooks", { mode: "drop" });
    await harness.control("POST", "/faults", { method: "GET", path: "/v1/invoices/", kind: "500", count: 5 });
    await expect(runAutoRecharge(getDb(), user.accountId)).rejects.toThrow(/Stripe did not answer/);
    await harness.control("DELETE", "/faults");
    const [intent] = (await harness.stripe.paymentIntents.list({ customer: await customerOf(user.accountId) })).data;
    const report = await reconcilePayments(getDb(), { windowSeconds: 3600 });
    expect(report.repaired).toContain(`payment_intent:${intent!.id}`);
    expect(await balanceOf(user.accountId)).toBe(M(20));
    expect((await rechargesOf(user.accountId)).map((row) => row.status)).toEqual(["succeeded"]);
    expect(await runAutoRecharge(getDb(), user.accountId)).toBe("none");
    expect((await reconcilePayments(getDb(), { windowSeconds: 3600 })).repaired).not.toContain(`payment_intent:${intent!.id}`);

    const charge = typeof intent!.latest_charge === "string" ? intent!.latest_charge : intent!.latest_charge!.id;
    await harness.control("POST", `/charges/${charge}/refund`, { amount: 500 });
    expect((await applyChargeRefunds(getDb(), charge)).posted).toBe(1);
    expect(await balanceOf(user.accountId)).toBe(M(15));
    const rows = await getDb().execute<{ reverses: string; credit: string }>(sql`
      select r.reverses_transfer_id::text as reverses, c.id::text as credit from transfers r
      join transfers c on c.idempotency_key = ${`payment_intent:${intent!.id}`} where r.kind = 'refund' and r.metadata->>'charge_id' = ${charge}`);
    expect(rows.rows[0]?.reverses).toBe(rows.rows[0]?.credit);
    await harness.control("POST", "/webhooks", { mode: "normal" });
  });
});
