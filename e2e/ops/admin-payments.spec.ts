// The operator's payments console: a Stripe event that failed (Stripe could not be read while it was
// handled) shows on the overview and on /admin/payments with its error; fetched and applied again once
// the cause is gone, it credits once; reconciliation runs now and its run is listed. The failure is a
// fault injected at the emulator for this one Checkout session only, so parallel specs are untouched.
import type pg from "pg";
import Stripe from "stripe";
import { expectAccessible, signInNewPerson } from "../account/account-steps";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { expect, signIn, test } from "../support/signup-fixture";

// Three signed-in pages, axe in both schemes and screenshots at two widths on a shared 2-core machine.
test.describe.configure({ timeout: 300_000 });

const emulatorUrl = () => {
  const url = process.env.STRIPE_EMULATOR_URL;
  if (!url) throw new Error("STRIPE_EMULATOR_URL is not set (the test runner sets it)");
  return url;
};

async function control(method: "POST" | "DELETE", path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${emulatorUrl()}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator control ${path}: ${response.status} ${await response.text()}`);
}

async function accountOf(database: pg.Pool, email: string): Promise<string> {
  const rows = await database.query<{ id: string }>(
    `select b.id from billing_accounts b join "user" u on u.id = b.owner_user_id where u.email = $1`,
    [email],
  );
  return rows.rows[0]!.id;
}

async function creditsFor(database: pg.Pool, sessionId: string): Promise<number> {
  const rows = await database.query<{ n: number }>(
    `select count(*)::int as n from transfers where idempotency_key = $1`,
    [`checkout:${sessionId}`],
  );
  return rows.rows[0]!.n;
}

test("an operator sees a failed event, applies it again once fixed, and runs reconciliation now", async ({
  page,
  browser,
  database,
  invite,
  operatorEmail,
}) => {
  const problems = watchForPageErrors(page);
  // A customer, signed up the ordinary way, in a browser of their own.
  const customerPage = await browser.newPage();
  const customer = await signInNewPerson(customerPage, invite, "payments-console");
  await customerPage.close();
  const accountId = await accountOf(database, customer);

  // Before anything fails: on a quiet site (this spec alone) the overview says nothing needs the operator.
  await signIn(page, operatorEmail);
  await page.goto("/admin");
  if (await page.getByTestId("attention-clear").isVisible()) {
    await expectAccessible(page);
    await screenshotBothWidths(page, "ops", "admin-overview-clear");
  }

  // A $12 top-up paid at Stripe whose handling fails: every read of this one session answers 500.
  const stripe = new Stripe("sk_test_emulator", {
    host: new URL(emulatorUrl()).hostname,
    port: Number(new URL(emulatorUrl()).port),
    protocol: "http",
    telemetry: false,
  });
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    client_reference_id: accountId,
    metadata: { billing_account_id: accountId, purpose: "top_up" },
    line_items: [
      {
        quantity: 1,
        price_data: { currency: "usd", unit_amount: 1200, product_data: { name: "Tandem prepaid credit" } },
      },
    ],
    success_url: "http://127.0.0.1/return?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://127.0.0.1/cancel",
  });
  await control("POST", "/faults", {
    method: "GET",
    path: `/v1/checkout/sessions/${session.id}`,
    kind: "500",
    count: 10_000,
  });
  try {
    await control("POST", `/checkout/sessions/${session.id}/complete`, { card: "4242424242424242" });

    // The overview says what needs attention, and leads to it.
    await page.goto("/admin");
    const failedItem = page.getByTestId("attention-item").filter({ hasText: "Failed Stripe event" });
    await expect(async () => {
      await page.reload();
      await expect(failedItem).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expectAccessible(page);
    await screenshotBothWidths(page, "ops", "admin-overview-attention");
    await failedItem.getByRole("link").click();
    await expect(page).toHaveURL(/\/admin\/payments\?outcome=failed$/);
    await expect(page.getByRole("heading", { level: 1, name: "Payments" })).toBeVisible();

    const row = page.getByTestId("stripe-event").filter({ hasText: session.id });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("checkout.session.completed");
    await expect(row).toContainText("Failed");
    await expect(row).toContainText("dependency_failed");
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: "light" });
    await screenshotBothWidths(page, "ops", "admin-payments-failed");

    // Applied again before the cause is fixed: it fails again and says why; nothing is credited.
    await row.getByRole("button", { name: /^Fetch and apply again: evt_\w+$/ }).click();
    // A system problem: the error table's words, not the dependency's details.
    await expect(row.getByRole("alert")).toContainText("A service we depend on did not answer");
    expect(await creditsFor(database, session.id)).toBe(0);
  } finally {
    await control("DELETE", "/faults");
  }

  // Fixed: applied once. (The emulator's own retry may get there first; then the replay changes nothing.)
  await page.goto("/admin/payments?outcome=failed");
  const row = page.getByTestId("stripe-event").filter({ hasText: session.id });
  if ((await row.count()) === 1) {
    await row.getByRole("button", { name: /^Fetch and apply again: evt_\w+$/ }).click();
    await expect(page.getByRole("status")).toHaveText(
      /^The event (was fetched from Stripe and applied|had already been applied: nothing changed)\.$/,
    );
  }
  await expect.poll(() => creditsFor(database, session.id), { timeout: 15_000 }).toBe(1);
  await page.goto("/admin/payments?outcome=applied&type=checkout.session.completed");
  await expect(page.getByTestId("stripe-event").filter({ hasText: session.id })).toContainText("Applied");

  // Reconciliation, now: recorded as this operator's run.
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByRole("status")).toHaveText(/^Reconciliation ran/);
  await expect(page.getByTestId("reconciliation-run").first()).toContainText(`by ${operatorEmail}`);
  await expectAccessible(page);
  await screenshotBothWidths(page, "ops", "admin-payments-reconciled");

  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entry").filter({ hasText: "payments.replay_event" }).first()).toBeVisible();
  await expect(page.getByTestId("audit-entry").filter({ hasText: "payments.reconcile" }).first()).toBeVisible();
  expect(await creditsFor(database, session.id)).toBe(1);
  expect(problems).toEqual([]);
});
