// The server is SIGKILLed at each step of a top-up's fulfilment (lib/payments/fulfill-checkout.ts):
// before it asks Stripe, after Stripe answered, inside the posting transaction and right after its
// commit. Restarted without the crash point, the webhook the emulator redelivers must credit the
// payment exactly once, reconciliation must find nothing left to repair, and the ledger must check.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { CrashPoint } from "@/lib/faults/crash-point";
import { balanceOf, createCustomer, startFaultWorld, waitUntil, type FaultWorld } from "../support/fault-world";
import { cardCredits, expectMoneyExact, reconcileWithoutDrift } from "../support/money-check";
import { TEST_BILLING_DETAILS } from "../support/billing-address";

let world: FaultWorld;

beforeAll(async () => {
  world = await startFaultWorld("faults_top_up");
});

afterAll(async () => {
  await world?.stop();
});

const WELCOME_MICROS = 5_000_000n;

describe("a top-up survives the server being killed", () => {
  it.each<CrashPoint>(["fulfill-checkout:before-stripe", "fulfill-checkout:after-stripe", "fulfill-checkout:before-commit", "fulfill-checkout:after-commit"])(
    "at %s: credited exactly once after a restart",
    async (crashAt) => {
      const customer = await createCustomer("top-up");
      const crashing = await world.startSite({ crashAt });
      await world.sendWebhooksTo([crashing]);
      const { createTopUpCheckout } = await import("@/lib/payments/create-top-up-checkout");
      const url = await createTopUpCheckout(getDb(), { userId: customer.userId, amountCents: 2_500, attemptId: randomUUID() });
      const sessionId = new URL(url).pathname.split("/").pop()!;

      // The person pays on the hosted page; Stripe's webhook reaches the server, which dies on the way.
      await world.control("POST", `/checkout/sessions/${sessionId}/complete`, { card: "4242424242424242", ...TEST_BILLING_DETAILS });
      await crashing.waitForCrash();
      const key = `checkout:${sessionId}`;
      const creditedBeforeRestart = (await cardCredits())[key];
      expect(creditedBeforeRestart).toBe(crashAt === "fulfill-checkout:after-commit" ? 25_000_000n : undefined);

      // Restarted on the same address without the crash point: the emulator's retries get through.
      const restarted = await world.startSite({ port: crashing.port });
      await waitUntil(`the redelivered webhook to credit ${key}`, async () => (await cardCredits())[key] !== undefined, 30_000);
      await waitUntil("the redelivered webhook to be processed", async () => {
        const rows = await getDb().execute<{ n: number }>(sql`
          select count(*)::int as n from stripe_events where type = 'checkout.session.completed' and object_id = ${sessionId} and processed_at is not null`);
        return rows.rows[0]!.n === 1;
      });
      const report = await reconcileWithoutDrift();
      // The webhook repaired it: reconciliation had nothing left to credit.
      expect(report.repaired).toEqual([]);
      await expectMoneyExact(world.stripe);
      expect(await balanceOf(customer.accountId)).toBe(WELCOME_MICROS + 25_000_000n);
      // One receipt owed for the one credit (sent now or by the sweep), never two.
      const notices = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from payment_notices where account_id = ${customer.accountId}`);
      expect(notices.rows[0]!.n).toBe(1);
      await restarted.stop();
    },
  );
});
