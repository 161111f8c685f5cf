// "Pay $X to unfreeze" (issue 17): the Checkout session GET /account/billing/unfreeze redirects to, on
// the real SDK against the Stripe emulator. Its amount is the smallest whole-cent top-up that lifts the
// balance above the floor, and at least the minimum top-up; it changes nothing but Stripe's side.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createUnfreezeCheckout, UNFREEZE_CHECKOUT_LIMIT } from "@/lib/payments/create-unfreeze-checkout";
import { hourAgo } from "../support/billing-api";
import { balanceOf, createPayingUser, sessionIdFromUrl, type TestUser, runStripeHarnessInThisFile } from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile();

/** Frozen the way the test needs it: the account's own state and floor, written as a test fixture. */
async function freezeWithFloor(user: TestUser, floorMicros: bigint): Promise<void> {
  await getDb().execute(sql`update billing_accounts set state = 'frozen', floor_micros = ${floorMicros.toString()}::bigint where id = ${user.accountId}`);
}

async function accountRow(user: TestUser) {
  const rows = await getDb().execute<{ state: string; floor: string }>(sql`
    select state, floor_micros::text as floor from billing_accounts where id = ${user.accountId}`);
  return rows.rows[0]!;
}

async function topUpMicros(user: TestUser): Promise<string[]> {
  const rows = await getDb().execute<{ micros: string }>(sql`
    select amount_micros::text as micros from top_ups where billing_account_id = ${user.accountId} order by created_at`);
  return rows.rows.map((row) => row.micros);
}

async function checkoutOf(user: TestUser, now?: Date) {
  const result = await createUnfreezeCheckout(getDb(), { userId: user.userId, ...(now ? { now } : {}) });
  if (result.kind !== "checkout") throw new Error(`expected a checkout, got ${result.kind}`);
  return { ...result, session: await harness.stripe.checkout.sessions.retrieve(sessionIdFromUrl(result.url)) };
}

describe("the unfreeze checkout", () => {
  it("asks for exactly the shortfall above the floor, rounded up to a whole cent", async () => {
    const user = await createPayingUser();
    // Balance $5.00, floor $17.345678: $12.345678 short, and $12.345679 ends above the floor: $12.35.
    await freezeWithFloor(user, 17_345_678n);
    const { amountCents, session } = await checkoutOf(user);
    expect(amountCents).toBe(1235);
    expect(session).toMatchObject({ mode: "payment", currency: "usd", amount_total: 1235, client_reference_id: user.accountId });
    expect(session.success_url).toMatch(/\/account\/billing\/return\?session_id=\{CHECKOUT_SESSION_ID\}$/);
    expect(await topUpMicros(user)).toEqual(["12350000"]);
    // Nothing else changed: no credit, the same standing and floor.
    expect(await balanceOf(user.accountId)).toBe(5_000_000n);
    expect(await accountRow(user)).toEqual({ state: "frozen", floor: "17345678" });
  });

  it("asks for the minimum top-up when usage froze the account by less", async () => {
    const user = await createPayingUser();
    // $12 of third-party calls ($0.20 per 1,000) on the $5 credit: at or past the -$5 floor, frozen.
    const usage = { ...emptyUsage(), third_party_calls: 60_000n };
    await ingestUsage(getDb(), [{ id: `unfreeze:${user.accountId}`, account: user.accountId, space: "app", hour: new Date(hourAgo(2)), usage }]);
    expect((await accountRow(user)).state).toBe("frozen");
    const { amountCents, session } = await checkoutOf(user);
    expect(amountCents).toBe(500);
    expect(session.amount_total).toBe(500);
  });

  it("reuses one session for repeats within the hour at the same balance", async () => {
    const user = await createPayingUser();
    await freezeWithFloor(user, 5_000_000n);
    const at = new Date("2030-01-01T10:15:00Z");
    const first = await checkoutOf(user, at);
    const again = await checkoutOf(user, new Date("2030-01-01T10:45:00Z"));
    expect(again.session.id).toBe(first.session.id);
    expect(first.amountCents).toBe(500);
    expect(await topUpMicros(user)).toEqual(["5000000"]);
  });

  it("creates nothing for an account that is not frozen", async () => {
    const user = await createPayingUser();
    expect(await createUnfreezeCheckout(getDb(), { userId: user.userId })).toEqual({ kind: "not_frozen" });
    expect(await topUpMicros(user)).toEqual([]);
  });

  it("is rate limited per account", async () => {
    const user = await createPayingUser();
    const now = new Date("2030-02-01T10:00:00Z");
    for (let i = 0; i < UNFREEZE_CHECKOUT_LIMIT.limit; i += 1) await createUnfreezeCheckout(getDb(), { userId: user.userId, now });
    const refused = await createUnfreezeCheckout(getDb(), { userId: user.userId, now }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("rate_limited");
  });
});
