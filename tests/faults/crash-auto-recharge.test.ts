// The server is SIGKILLed at each step of an auto-recharge (lib/payments/run-auto-recharge.ts and
// fulfill-auto-recharge.ts): before the off-session charge, after Stripe answered it, inside the
// crediting transaction and right after its commit. Restarted without the crash point, the job worker
// must finish the one request (never charging twice), the webhook or the job must credit the charge
// exactly once, reconciliation must find nothing left, and the ledger must check.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { getDb } from "@/lib/db/client";
import type { CrashPoint } from "@/lib/faults/crash-point";
import { autoRechargeFormSchema } from "@/lib/payments/auto-recharge-form";
import { saveAutoRechargeSettings } from "@/lib/payments/auto-recharge-settings";
import { completeCardSetup, createCardSetupCheckout } from "@/lib/payments/saved-card";
import { balanceOf, createCustomer, recentHour, startFaultWorld, waitUntil, type Customer, type FaultWorld } from "../support/fault-world";
import { cardCredits, expectMoneyExact, reconcileWithoutDrift } from "../support/money-check";

let world: FaultWorld;

beforeAll(async () => {
  world = await startFaultWorld("faults_recharge");
});

afterAll(async () => {
  await world?.stop();
});

/** A customer with a saved card and auto-recharge on: under $3, recharge to $20. */
async function rechargingCustomer(): Promise<Customer> {
  const customer = await createCustomer("recharge");
  const url = await createCardSetupCheckout(getDb(), { userId: customer.userId, attemptId: randomUUID() });
  const sessionId = new URL(url).pathname.split("/").pop()!;
  await world.control("POST", `/checkout/sessions/${sessionId}/complete`, { card: "4242424242424242" });
  await completeCardSetup(getDb(), sessionId, customer.accountId);
  await saveAutoRechargeSettings(getDb(), customer.userId, autoRechargeFormSchema.parse({ enabled: "on", threshold: "3", target: "20", monthlyCap: "100" }));
  return customer;
}

/** Usage worth `cents` through the real ingestion path ($0.20 per 1,000 third-party calls). */
async function debit(accountId: string, cents: number): Promise<void> {
  const usage = { ...emptyUsage(), third_party_calls: BigInt(cents) * 50n };
  await ingestUsage(getDb(), [{ id: `debit:${randomUUID()}`, account: accountId, space: "app", hour: recentHour(), usage }]);
}

async function rechargesOf(accountId: string): Promise<Array<{ status: string; amount: string | null }>> {
  const rows = await getDb().execute<{ status: string; amount: string | null }>(sql`
    select status, amount_micros::text as amount from auto_recharges where billing_account_id = ${accountId} order by created_at`);
  return rows.rows;
}

async function chargesAtStripe(customerId: string) {
  return (await world.stripe.paymentIntents.list({ customer: customerId, limit: 100 })).data;
}

async function customerIdOf(accountId: string): Promise<string> {
  const rows = await getDb().execute<{ id: string }>(sql`select stripe_customer_id as id from stripe_customers where billing_account_id = ${accountId}`);
  return rows.rows[0]!.id;
}

describe("an auto-recharge survives the server being killed", () => {
  it.each<CrashPoint>(["auto-recharge:before-stripe", "auto-recharge:after-stripe", "auto-recharge:before-commit", "auto-recharge:after-commit"])(
    "at %s: charged once and credited once after a restart",
    async (crashAt) => {
      const customer = await rechargingCustomer();
      const stripeCustomer = await customerIdOf(customer.accountId);
      const crashing = await world.startSite({ crashAt });
      await world.sendWebhooksTo([crashing]);

      // Usage takes the balance from $5 to $2, under the threshold: the server's job worker recharges.
      await debit(customer.accountId, 300);
      await crashing.waitForCrash();
      const charged = await chargesAtStripe(stripeCustomer);
      expect(charged.length).toBe(crashAt === "auto-recharge:before-stripe" ? 0 : 1);
      const credited = Object.keys(await cardCredits()).filter((key) => charged.some((intent) => key === `payment_intent:${intent.id}`));
      expect(credited.length).toBe(crashAt === "auto-recharge:after-commit" ? 1 : 0);

      const restarted = await world.startSite({ port: crashing.port });
      await waitUntil("the recharge to succeed", async () => (await rechargesOf(customer.accountId)).some((row) => row.status === "succeeded"));
      const [intent, ...more] = await chargesAtStripe(stripeCustomer);
      expect(more).toEqual([]);
      expect(intent?.status).toBe("succeeded");
      expect(intent?.amount).toBe(1_800);
      await waitUntil("its credit", async () => (await cardCredits())[`payment_intent:${intent!.id}`] !== undefined);
      expect(await rechargesOf(customer.accountId)).toEqual([{ status: "succeeded", amount: "18000000" }]);

      const report = await reconcileWithoutDrift();
      expect(report.repaired).toEqual([]);
      await expectMoneyExact(world.stripe);
      expect(await balanceOf(customer.accountId)).toBe(20_000_000n);
      await restarted.stop();
    },
  );
});
