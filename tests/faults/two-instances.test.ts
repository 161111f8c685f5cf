// Two site servers (server.ts) on one Postgres, each with its job worker, as behind a load balancer:
// limits are shared (requests split across both instances hit the one limit), the same usage sent to
// both at once is stored once, the same webhook delivered to both at once credits once, and racing
// debits through both lead to one auto-recharge, charged once and credited once.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlatformToken } from "@/lib/billing/platform-tokens";
import { getDb } from "@/lib/db/client";
import { autoRechargeFormSchema } from "@/lib/payments/auto-recharge-form";
import { saveAutoRechargeSettings } from "@/lib/payments/auto-recharge-settings";
import { completeCardSetup, createCardSetupCheckout } from "@/lib/payments/saved-card";
import { balanceOf, createCustomer, mailsTo, recentHour, startFaultWorld, waitUntil, type FaultWorld, type Site } from "../support/fault-world";
import { startWellInsideRateLimitWindow } from "../support/rate-limit-window";
import { expectMoneyExact, reconcileWithoutDrift } from "../support/money-check";
import { TEST_BILLING_DETAILS } from "../support/billing-address";

let world: FaultWorld;
let sites: [Site, Site];
let token: string;

beforeAll(async () => {
  world = await startFaultWorld("faults_pair");
  sites = [await world.startSite(), await world.startSite()];
  await world.sendWebhooksTo(sites);
  token = (await createPlatformToken(getDb(), "faults-pair")).token;
});

afterAll(async () => {
  await world?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** POST /api/auth/signin/nodemailer on one instance, as a browser does: its CSRF token first. */
async function requestSignIn(site: Site, email: string): Promise<void> {
  const csrf = await fetch(`${site.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
  const response = await fetch(`${site.url}/api/auth/signin/nodemailer`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: `${site.url}/account` }),
  });
  await response.arrayBuffer();
  expect(response.status).toBeLessThan(500);
}

/** Waits until no new mail reached these addresses for two seconds (links are mailed after the answer). */
async function settledMailCount(addresses: string[]): Promise<number[]> {
  let last = "";
  for (;;) {
    const counts = await Promise.all(addresses.map(async (address) => (await mailsTo(address)).length));
    if (JSON.stringify(counts) === last) return counts;
    last = JSON.stringify(counts);
    await sleep(2_000);
  }
}

async function postUsage(site: Site, records: unknown[]): Promise<{ status: number; accepted: number; duplicates: number }> {
  const response = await fetch(`${site.url}/api/billing/v1/usage`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ records }),
  });
  const body = (await response.json()) as { accepted: number; duplicates: number };
  return { status: response.status, accepted: body.accepted, duplicates: body.duplicates };
}

describe("two web instances and their job workers on one Postgres", () => {
  it("share the sign-in limits: per address and per IP, across both instances", async () => {
    // 10 requests for one address, then 20 for 20 other people, alternating between the instances.
    // Limits kept per instance would mail the address up to 10 times and 30 mails in all.
    const people = await Promise.all(Array.from({ length: 21 }, () => createCustomer("sign-in")));
    const [owner, ...others] = people;
    const requests = [...Array.from({ length: 10 }, () => owner!.email), ...others.map((person) => person.email)];
    // All 30 counted in one window of the limits. The 30 round trips take about 10 s on a loaded 2-core
    // machine, so a minute left is plenty: the wait (up to that minute) comes half as often as with two.
    await startWellInsideRateLimitWindow(60_000);
    for (const [index, email] of requests.entries()) await requestSignIn(sites[index % 2]!, email);
    const counts = await settledMailCount(people.map((person) => person.email));
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[0]).toBeLessThanOrEqual(5); // the per-address cap
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(20); // the per-IP cap
  }, 240_000); // it may first wait up to a minute for a fresh rate-limit window

  it("store the same usage sent to both at once only once", async () => {
    const customer = await createCustomer("usage");
    const hour = recentHour().toISOString();
    let total = 0;
    for (let round = 0; round < 3; round++) {
      const records = Array.from({ length: 50 }, (_, index) => ({
        id: `pair-${round}-${index}`,
        account: customer.accountId,
        space: `space-${index % 4}`,
        hour,
        third_party_calls: 1,
      }));
      const answers = await Promise.all(sites.map((site) => postUsage(site, records)));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      expect(answers[0]!.accepted + answers[1]!.accepted).toBe(50);
      expect(answers[0]!.duplicates + answers[1]!.duplicates).toBe(50);
      total += 50;
    }
    const stored = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from meter_records where account_id = ${customer.accountId}`);
    expect(stored.rows[0]!.n).toBe(total);
    expect(await balanceOf(customer.accountId)).toBe(5_000_000n - BigInt(total) * 200n);
  });

  it("credit a webhook delivered to both at once only once", async () => {
    const customer = await createCustomer("webhook");
    const { createTopUpCheckout } = await import("@/lib/payments/create-top-up-checkout");
    const url = await createTopUpCheckout(getDb(), { userId: customer.userId, amountCents: 4_000, attemptId: randomUUID() });
    const sessionId = new URL(url).pathname.split("/").pop()!;
    // The emulator sends every event to both instances at once; then the same event again, to both.
    await world.control("POST", `/checkout/sessions/${sessionId}/complete`, { card: "4242424242424242", ...TEST_BILLING_DETAILS });
    const event = (await world.stripe.events.list({ type: "checkout.session.completed", limit: 100 })).data.find(
      (candidate) => (candidate.data.object as { id: string }).id === sessionId,
    )!;
    await world.control("POST", `/events/${event.id}/resend`);
    await waitUntil("the credit", async () => (await balanceOf(customer.accountId)) > 5_000_000n, 20_000);
    await sleep(1_500);
    expect(await balanceOf(customer.accountId)).toBe(45_000_000n);
    await expectMoneyExact(world.stripe);
  });

  it("run one auto-recharge for racing debits through both, charged once and credited once", async () => {
    const customer = await createCustomer("recharge");
    const setupUrl = await createCardSetupCheckout(getDb(), { userId: customer.userId, attemptId: randomUUID() });
    const setupId = new URL(setupUrl).pathname.split("/").pop()!;
    await world.control("POST", `/checkout/sessions/${setupId}/complete`, { card: "4242424242424242" });
    await completeCardSetup(getDb(), setupId, customer.accountId);
    await saveAutoRechargeSettings(getDb(), customer.userId, autoRechargeFormSchema.parse({ enabled: "on", threshold: "3", target: "20", monthlyCap: "100" }));

    // Six debits of $0.60 at once, three through each instance: several of them cross the $3 threshold.
    const hour = recentHour().toISOString();
    await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        postUsage(sites[index % 2]!, [{ id: `race-${index}`, account: customer.accountId, space: "app", hour, third_party_calls: 3_000 }]),
      ),
    );
    const recharges = async () =>
      (await getDb().execute<{ status: string }>(sql`select status from auto_recharges where billing_account_id = ${customer.accountId}`)).rows;
    await waitUntil("the recharge", async () => (await recharges()).some((row) => row.status === "succeeded"), 30_000);
    await sleep(3_000); // both workers and both webhook deliveries have had their chance to do it twice
    expect(await recharges()).toEqual([{ status: "succeeded" }]);
    const customerId = (await getDb().execute<{ id: string }>(sql`select stripe_customer_id as id from stripe_customers where billing_account_id = ${customer.accountId}`)).rows[0]!.id;
    const charges = (await world.stripe.paymentIntents.list({ customer: customerId, limit: 100 })).data;
    expect(charges.map((intent) => intent.status)).toEqual(["succeeded"]);
    expect(await balanceOf(customer.accountId)).toBe(20_000_000n);
    const report = await reconcileWithoutDrift();
    expect(report.repaired).toEqual([]);
    await expectMoneyExact(world.stripe);
  });
});
