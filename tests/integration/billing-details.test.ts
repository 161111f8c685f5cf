// Billing details (issue 20): company name, address and tax ID live on the account's Stripe customer
// and nowhere else; the billing page reads them in one short Stripe call and the form writes them
// through the one action wrapper. Real Postgres, the real SDK against the emulator.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import { validatedAction } from "@/lib/actions/validated-action";
import { billingDetailsSchema } from "@/lib/billing-details/billing-details-schema";
import { BILLING_DETAILS_READ_TIMEOUT_MS, getBillingDetails } from "@/lib/billing-details/get-billing-details";
import { BILLING_DETAILS_LIMIT, updateBillingDetails } from "@/lib/billing-details/update-billing-details";
import { getDb } from "@/lib/db/client";
import type { AppSession } from "@/lib/session/app-session";
import { createPayingUser, customerOf, type TestUser, runStripeHarnessInThisFile } from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile({ webhooks: "drop" });

function sessionOf(user: TestUser): AppSession {
  return { user: { id: user.userId, email: user.email, name: null, role: "user" }, expires: new Date(Date.now() + 3_600_000).toISOString() };
}

const filled = {
  companyName: "Acme GmbH",
  line1: "Unter den Linden 1",
  line2: "",
  city: "Berlin",
  postalCode: "10117",
  country: "DE",
  taxIdType: "eu_vat",
  taxIdValue: "DE 123 456 789",
};

/** Submits the billing details form as the page does: FormData through the one action wrapper. */
async function submit(user: TestUser, fields: Record<string, string>): Promise<ActionState> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const action = validatedAction("saveBillingDetails", billingDetailsSchema, async (input) => {
    await updateBillingDetails(getDb(), sessionOf(user), input);
    return { status: "success", message: "saved" };
  });
  return action({ status: "idle" }, form);
}

async function stripeCustomer(user: TestUser) {
  const customer = await harness.stripe.customers.retrieve(await customerOf(user.accountId), { expand: ["tax_ids"] });
  if (customer.deleted) throw new Error("customer deleted");
  return customer;
}

describe("billing details", () => {
  it("an account with no Stripe customer has none, and the form adds them (creating the customer)", async () => {
    const user = await createPayingUser();
    expect(await getBillingDetails(getDb(), sessionOf(user))).toEqual({ status: "none" });
    expect(await submit(user, filled)).toMatchObject({ status: "success" });
    const customer = await stripeCustomer(user);
    expect(customer.name).toBe("Acme GmbH");
    expect(customer.address).toMatchObject({ line1: "Unter den Linden 1", city: "Berlin", postal_code: "10117", country: "DE" });
    expect(customer.tax_ids?.data.map((taxId) => [taxId.type, taxId.value])).toEqual([["eu_vat", "DE123456789"]]);
    expect(await getBillingDetails(getDb(), sessionOf(user))).toEqual({
      status: "saved",
      name: "Acme GmbH",
      address: { line1: "Unter den Linden 1", line2: "", city: "Berlin", postalCode: "10117", country: "DE" },
      taxIds: [{ id: customer.tax_ids!.data[0]!.id, type: "eu_vat", value: "DE123456789" }],
    });
  });

  it("round-trips a change: a new tax ID replaces the old one, and clearing it removes it", async () => {
    const user = await createPayingUser();
    await submit(user, filled);
    expect(await submit(user, { ...filled, companyName: "Acme France SAS", city: "Paris", postalCode: "75001", country: "FR", taxIdValue: "FR12345678901" })).toMatchObject({
      status: "success",
    });
    let details = await getBillingDetails(getDb(), sessionOf(user));
    expect(details).toMatchObject({ status: "saved", name: "Acme France SAS", address: { city: "Paris", country: "FR" } });
    expect(details.status === "saved" && details.taxIds.map((taxId) => taxId.value)).toEqual(["FR12345678901"]);

    // The same tax ID again is kept as it is (no delete and re-create).
    const before = (await stripeCustomer(user)).tax_ids!.data[0]!.id;
    await submit(user, { ...filled, companyName: "Acme France SAS", city: "Lyon", postalCode: "69001", country: "FR", taxIdValue: "FR12345678901" });
    expect((await stripeCustomer(user)).tax_ids!.data.map((taxId) => taxId.id)).toEqual([before]);

    await submit(user, { ...filled, companyName: "", taxIdType: "", taxIdValue: "" });
    details = await getBillingDetails(getDb(), sessionOf(user));
    expect(details).toMatchObject({ status: "saved", name: null, taxIds: [] });
  });

  it("an invalid VAT ID is Stripe's refusal shown on the tax ID field, and nothing changes", async () => {
    const user = await createPayingUser();
    await submit(user, filled);
    const before = await stripeCustomer(user);
    const state = await submit(user, { ...filled, companyName: "Changed Ltd", city: "Munich", taxIdValue: "123456789" });
    expect(state).toMatchObject({ status: "error", code: "validation_failed" });
    expect(state.status === "error" && state.fieldErrors?.taxIdValue).toMatch(/invalid|not valid/i);
    const after = await stripeCustomer(user);
    expect(after.name).toBe(before.name);
    expect(after.address).toEqual(before.address);
    expect(after.tax_ids?.data.map((taxId) => taxId.id)).toEqual(before.tax_ids?.data.map((taxId) => taxId.id));
  });

  it("refuses bad input with clear field errors before calling Stripe", async () => {
    const user = await createPayingUser();
    const cases: Array<[Record<string, string>, string]> = [
      [{ ...filled, line1: "  " }, "line1"],
      [{ ...filled, city: "" }, "city"],
      [{ ...filled, country: "XX" }, "country"],
      [{ ...filled, taxIdValue: "" }, "taxIdValue"],
      [{ ...filled, taxIdType: "" }, "taxIdType"],
      [{ ...filled, taxIdType: "xx_nope" }, "taxIdType"],
      [{ ...filled, companyName: "x".repeat(121) }, "companyName"],
      [{ ...filled, city: "Ber\u0007lin" }, "city"],
    ];
    for (const [fields, field] of cases) {
      const state = await submit(user, fields);
      expect(state, field).toMatchObject({ status: "error", code: "validation_failed" });
      expect(state.status === "error" && Object.keys(state.fieldErrors ?? {}), field).toContain(field);
    }
    // Nothing reached Stripe: the account still has no customer.
    const customers = await getDb().execute(sql`select 1 from stripe_customers where billing_account_id = ${user.accountId}`);
    expect(customers.rows).toHaveLength(0);
  });

  it("each person reads and writes only their own account's customer", async () => {
    const owner = await createPayingUser();
    const other = await createPayingUser();
    await submit(owner, filled);
    expect(await getBillingDetails(getDb(), sessionOf(other))).toEqual({ status: "none" });
    await submit(other, { ...filled, companyName: "Other Co", taxIdType: "", taxIdValue: "" });
    expect(await customerOf(other.accountId)).not.toBe(await customerOf(owner.accountId));
    expect((await stripeCustomer(owner)).name).toBe("Acme GmbH");
  });

  it("saves are rate limited per account", async () => {
    const user = await createPayingUser();
    const light = { ...filled, taxIdType: "", taxIdValue: "" };
    for (let saved = 0; saved < BILLING_DETAILS_LIMIT.limit; saved++) expect(await submit(user, light)).toMatchObject({ status: "success" });
    const refused = await submit(user, { ...light, companyName: "Too Many Ltd" });
    expect(refused).toMatchObject({ status: "error", code: "rate_limited" });
    expect((await stripeCustomer(user)).name).toBe("Acme GmbH");
  });

  it("when Stripe is slow or failing, the page shows a calm 'could not load' instead of waiting", async () => {
    const user = await createPayingUser();
    await submit(user, filled);
    await harness.control("POST", "/faults", { method: "GET", path: `/v1/customers/${await customerOf(user.accountId)}`, kind: "timeout", timeoutMs: BILLING_DETAILS_READ_TIMEOUT_MS * 4, count: 5 });
    const started = Date.now();
    expect(await getBillingDetails(getDb(), sessionOf(user))).toEqual({ status: "unavailable" });
    expect(Date.now() - started).toBeLessThan(BILLING_DETAILS_READ_TIMEOUT_MS * 2);
    await harness.control("DELETE", "/faults");
    await harness.control("POST", "/faults", { method: "GET", path: `/v1/customers/${await customerOf(user.accountId)}`, kind: "500", count: 5 });
    expect(await getBillingDetails(getDb(), sessionOf(user))).toEqual({ status: "unavailable" });
  });
});
