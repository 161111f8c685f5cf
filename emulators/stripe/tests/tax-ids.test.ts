import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { expectRejection, setUpTestEmulator } from "./support/test-emulator";

const t = setUpTestEmulator();

async function eventTypes(): Promise<string[]> {
  return (await t.stripe.events.list({ limit: 100 })).data.map((event) => event.type).reverse();
}

describe("customers' billing details", () => {
  it("keeps name and address on create and update, announcing customer.updated", async () => {
    const created = await t.stripe.customers.create({
      email: "owner@example.com",
      name: "Ada",
      address: { line1: "Main St 1", city: "Berlin", postal_code: "10115", country: "de" },
    });
    expect(created.address).toEqual({
      line1: "Main St 1",
      line2: null,
      city: "Berlin",
      postal_code: "10115",
      state: null,
      country: "DE",
    });
    const updated = await t.stripe.customers.update(created.id, {
      name: "Ada Lovelace GmbH",
      address: { line1: "Rue 2", line2: "Bât. B", city: "Paris", postal_code: "75001", country: "FR" },
    });
    expect(updated).toMatchObject({ name: "Ada Lovelace GmbH", address: { city: "Paris", line2: "Bât. B" } });
    const [event] = (await t.stripe.events.list({ type: "customer.updated" })).data;
    const previous = event?.data.previous_attributes as Partial<Stripe.Customer> | undefined;
    expect(previous?.address?.city).toBe("Berlin");
    expect((await t.stripe.customers.update(created.id, { address: "" })).address).toBeNull();
  });
});

describe("customers' tax IDs", () => {
  it("creates, lists, retrieves, expands and deletes them with their events", async () => {
    const customer = await t.stripe.customers.create({ email: "biz@example.com" });
    const vat = await t.stripe.customers.createTaxId(customer.id, { type: "eu_vat", value: "DE123456789" });
    expect(vat).toMatchObject({
      object: "tax_id",
      type: "eu_vat",
      value: "DE123456789",
      country: "DE",
      customer: customer.id,
      verification: { status: "pending" },
    });
    expect(vat.id).toMatch(/^txi_/);
    const gb = await t.stripe.customers.createTaxId(customer.id, { type: "gb_vat", value: "GB123456789" });
    expect(gb.country).toBe("GB");
    const greek = await t.stripe.customers.createTaxId(customer.id, { type: "eu_vat", value: "EL123456789" });
    expect(greek.country).toBe("GR");
    const list = await t.stripe.customers.listTaxIds(customer.id);
    expect(list.data.map((taxId) => taxId.id)).toEqual([greek.id, gb.id, vat.id]);
    expect(await t.stripe.customers.retrieveTaxId(customer.id, vat.id)).toMatchObject({ value: "DE123456789" });
    const expanded = (await t.stripe.customers.retrieve(customer.id, { expand: ["tax_ids"] })) as Stripe.Customer;
    expect(expanded.tax_ids?.data.map((taxId) => taxId.value)).toEqual(["EL123456789", "GB123456789", "DE123456789"]);
    const plain = (await t.stripe.customers.retrieve(customer.id)) as Stripe.Customer;
    expect(plain.tax_ids).toBeUndefined();

    expect(await t.stripe.customers.deleteTaxId(customer.id, gb.id)).toEqual({
      id: gb.id,
      object: "tax_id",
      deleted: true,
    });
    expect((await t.stripe.customers.listTaxIds(customer.id)).data).toHaveLength(2);
    const missing = await expectRejection(t.stripe.customers.retrieveTaxId(customer.id, gb.id));
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing" });
    const types = await eventTypes();
    expect(types.filter((type) => type === "customer.tax_id.created")).toHaveLength(3);
    expect(types).toContain("customer.tax_id.deleted");
  });

  it("refuses invalid values as tax_id_invalid and changes nothing", async () => {
    const customer = await t.stripe.customers.create({});
    const cases: Array<[string, string]> = [
      ["eu_vat", "123456789"],
      ["eu_vat", "US123456789"],
      ["eu_vat", "DE1"],
      ["gb_vat", "GB12345"],
      ["us_ein", "12-34"],
      ["au_abn", "1234567890"],
    ];
    for (const [type, value] of cases) {
      const refused = await expectRejection(t.stripe.customers.createTaxId(customer.id, { type: type, value }));
      expect(refused, `${type} ${value}`).toMatchObject({ statusCode: 400, code: "tax_id_invalid", param: "value" });
    }
    const unknownType = await expectRejection(
      t.stripe.customers.createTaxId(customer.id, { type: "xx_nope", value: "1" }),
    );
    expect(unknownType).toMatchObject({ statusCode: 400, param: "type" });
    expect(await t.stripe.customers.createTaxId(customer.id, { type: "us_ein", value: "12-3456789" })).toMatchObject({
      country: "US",
    });
    expect(await t.stripe.customers.createTaxId(customer.id, { type: "au_abn", value: "12345678912" })).toMatchObject({
      country: "AU",
    });
    expect((await t.stripe.customers.listTaxIds(customer.id)).data).toHaveLength(2);
    expect((await eventTypes()).filter((type) => type === "customer.tax_id.created")).toHaveLength(2);
  });

  it("answers 404 for another customer's tax ID and for an unknown customer", async () => {
    const owner = await t.stripe.customers.create({});
    const other = await t.stripe.customers.create({});
    const vat = await t.stripe.customers.createTaxId(owner.id, { type: "eu_vat", value: "FR12345678901" });
    expect(await expectRejection(t.stripe.customers.deleteTaxId(other.id, vat.id))).toMatchObject({ statusCode: 404 });
    expect(
      await expectRejection(t.stripe.customers.createTaxId("cus_missing", { type: "eu_vat", value: "DE123456789" })),
    ).toMatchObject({ statusCode: 404 });
  });
});
