// Rate cards from /admin/rates (issue 18): drafts and shadow billing. On a scratch database of this
// file's own (tests/support/rates-world.ts); publishing is in admin-rates-publish.test.ts.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getRateDraft } from "@/lib/admin/get-rate-draft";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import type { MeterRecord } from "@/lib/billing/meter-record";
import type { RateCard } from "@/lib/billing/rate-cards";
import { rateRecords } from "@/lib/billing/rate-records";
import { emptyUsage, RESOURCES, type Resource } from "@/lib/billing/resources";
import { createRateDraft, discardRateDraft, updateRateDraft } from "@/lib/rate-drafts/manage-rate-drafts";
import { shadowBillDraft } from "@/lib/rate-drafts/shadow-bill-draft";
import { errorCodeOf } from "../support/signup-fixtures";
import { NOW, count, customer, db, openRatesWorldForThisFile, operator, prices } from "../support/rates-world";

openRatesWorldForThisFile();

// A deterministic stream of awkward numbers (a 32-bit LCG), so the test is the same every run.
let seed = 12345;
const next = (limit: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % limit;

describe("shadow billing", () => {
  it("is what rating last month again, hour by hour, with the draft card gives every account, exactly", async () => {
    const accounts = await Promise.all(Array.from({ length: 24 }, () => customer()));
    const records: MeterRecord[] = [];
    accounts.forEach((account, index) => {
      // Three heavy accounts with many awkward hours over two spaces; the others one small hour each.
      const hours = index < 3 ? 60 : 1;
      for (let n = 0; n < hours; n++) {
        const usage = emptyUsage();
        for (const resource of RESOURCES) usage[resource] = BigInt(next(index < 3 ? 9_000_000_000 : 7_000_000));
        const hour = new Date(Date.UTC(2026, 1, 1 + next(28), next(24)));
        records.push({ id: `${account}-${n}`, account, space: `space-${n % 2}`, hour, usage });
      }
    });
    // Around the month's edges: neither is part of February's bill.
    records.push({
      id: `${accounts[0]}-jan`,
      account: accounts[0]!,
      space: "space-0",
      hour: new Date("2026-01-31T23:00:00Z"),
      usage: { ...emptyUsage(), cpu_ms: 99_999_999n },
    });
    records.push({
      id: `${accounts[0]}-mar`,
      account: accounts[0]!,
      space: "space-0",
      hour: new Date("2026-03-01T00:00:00Z"),
      usage: { ...emptyUsage(), messages: 99_999_999n },
    });
    await ingestUsage(db, records);

    const { id: draftId } = await createRateDraft(db, operator, { name: "Spring prices" });
    await updateRateDraft(db, operator, {
      draftId,
      name: "Spring prices",
      prices: prices(
        { cpu_ms: "0.043217", messages: "0.333333", storage_bytes: "0.019999", connections: "0" },
        "0.070001",
      ),
    });
    const draft = await getRateDraft(db, operator, draftId);
    expect(draft.entries.find((entry) => entry.resource === "cpu_ms")).toMatchObject({
      priceMicros: 43_217n,
      perUnits: 3_600_000n,
    });

    const bill = await shadowBillDraft(db, operator, { draftId, now: NOW });
    expect(bill).toMatchObject({
      from: new Date("2026-02-01T00:00:00Z"),
      to: new Date("2026-03-01T00:00:00Z"),
      accounts: 24,
    });

    // The month again, record by record from usage_hours, with the ledger's own rating and fresh carries.
    const card: RateCard = {
      id: -1,
      version: 0,
      effectiveFrom: bill.from,
      entries: new Map(draft.entries.map((entry) => [entry.resource, entry])),
    };
    const hours = await db.execute<Record<Resource, string> & { account_id: string; space_id: string; hour: Date }>(sql`
      select * from usage_hours where hour >= ${bill.from.toISOString()}::timestamptz and hour < ${bill.to.toISOString()}::timestamptz order by hour, account_id, space_id`);
    const again = rateRecords(
      hours.rows.map((row, index) => ({
        id: String(index),
        account: row.account_id,
        space: row.space_id,
        hour: new Date(row.hour),
        usage: Object.fromEntries(RESOURCES.map((resource) => [resource, BigInt(row[resource])])) as Record<
          Resource,
          bigint
        >,
      })),
      [card],
      new Map(),
      () => ({ units: [], micros: [] }),
    );
    // What February was billed: the ledger's per-record costs.
    const billed = await db.execute<{ account_id: string; micros: string }>(sql`
      select account_id, sum(cost_micros)::text as micros from meter_records where hour >= '2026-02-01' and hour < '2026-03-01' group by account_id`);
    const billedBy = new Map(billed.rows.map((row) => [row.account_id, BigInt(row.micros)]));

    expect(bill.shadowMicros).toBe([...again.totals.values()].reduce((sum, micros) => sum + micros, 0n));
    expect(bill.billedMicros).toBe([...billedBy.values()].reduce((sum, micros) => sum + micros, 0n));
    expect(bill.largestChanges).toHaveLength(20);
    const size = (value: bigint) => (value < 0n ? -value : value);
    const changes = accounts.map((account) => (again.totals.get(account) ?? 0n) - (billedBy.get(account) ?? 0n));
    const twentieth = [...changes].map(size).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))[19]!;
    for (const [index, row] of bill.largestChanges.entries()) {
      expect(row.shadowMicros, row.accountId).toBe(again.totals.get(row.accountId));
      expect(row.billedMicros, row.accountId).toBe(billedBy.get(row.accountId));
      expect(row.changeMicros).toBe(row.shadowMicros - row.billedMicros);
      expect(size(row.changeMicros) >= twentieth).toBe(true);
      if (index > 0) expect(size(bill.largestChanges[index - 1]!.changeMicros) >= size(row.changeMicros)).toBe(true);
    }
    expect(
      bill.largestChanges
        .slice(0, 3)
        .map((row) => row.accountId)
        .sort(),
    ).toEqual(accounts.slice(0, 3).sort());
  });
});

describe("drafts", () => {
  it("refuse a price that is not exact, naming the field, and change nothing; discard is audited", async () => {
    const { id: draftId } = await createRateDraft(db, operator, { name: "Typo" });
    const before = await getRateDraft(db, operator, draftId);
    const refused = await updateRateDraft(db, operator, {
      draftId,
      name: "Typo",
      prices: prices({ cpu_ms: "0.0000001", messages: "-1" }, "0.05"),
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: "validation_failed",
      details: {
        fields: [
          { path: "price_cpu_ms", message: expect.stringMatching(/6 decimal places/) as string },
          { path: "price_messages", message: expect.stringMatching(/negative/) as string },
        ],
      },
    });
    expect(await getRateDraft(db, operator, draftId)).toEqual(before);

    await discardRateDraft(db, operator, draftId);
    expect(await errorCodeOf(() => getRateDraft(db, operator, draftId))).toBe("not_found");
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where target = ${`rate-draft:${draftId}`} and action = 'rate-draft.discard' and actor_id = ${operator.user.id}`,
      ),
    ).toBe(1);
  });
});
