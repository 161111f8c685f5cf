// Rate cards from /admin/rates (issue 18): drafts, shadow billing, publishing for the future. On a
// scratch database: publishing a card here must not change prices under the other test files.
import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { drizzle } from "drizzle-orm/node-postgres";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRateCardsOverview } from "@/lib/admin/get-rate-cards-overview";
import { getRateDraft } from "@/lib/admin/get-rate-draft";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import type { MeterRecord } from "@/lib/billing/meter-record";
import type { RateCard } from "@/lib/billing/rate-cards";
import { rateRecords } from "@/lib/billing/rate-records";
import { emptyUsage, RESOURCES, type Resource } from "@/lib/billing/resources";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import * as schema from "@/lib/db/schema";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { PricingContent } from "@/components/marketing/pricing-content";
import { formatCents } from "@/lib/format/money";
import { estimateMonthlyCost, type PublicRateCard } from "@/lib/pricing/estimate";
import { profileToUsage } from "@/lib/pricing/app-profile";
import { EXAMPLE_APPS } from "@/lib/pricing/example-apps";
import { RESOURCE_COPY } from "@/lib/pricing/resource-copy";
import { createRateDraft, discardRateDraft, updateRateDraft } from "@/lib/rate-drafts/manage-rate-drafts";
import { publishAnnouncedRateCard } from "@/lib/rate-drafts/publish-announced-rate-card";
import { publishRateDraft } from "@/lib/rate-drafts/publish-rate-draft";
import { shadowBillDraft } from "@/lib/rate-drafts/shadow-bill-draft";
import type { AppSession } from "@/lib/session/app-session";
import { errorCodeOf } from "../support/signup-fixtures";
import { createMigratedScratchDatabase, type ScratchDatabase } from "../support/scratch-database";

let scratch: ScratchDatabase & { appUrl: string };
let pool: pg.Pool;
let db: Database;
let operator: AppSession;
let member: AppSession;
const names = Object.fromEntries(RESOURCES.map((resource) => [resource, RESOURCE_COPY[resource].name])) as Record<
  Resource,
  string
>;
// March 2026: the shadow bill re-rates February.
const NOW = new Date("2026-03-15T10:20:00Z");

async function user(role: "user" | "admin", email: string | null = `${randomUUID()}@example.com`): Promise<AppSession> {
  const id = randomUUID();
  await db.execute(sql`insert into "user" (id, email, role) values (${id}, ${email}, ${role})`);
  return { user: { id, email: email ?? "", name: null, role }, expires: "2099-01-01T00:00:00.000Z" };
}

async function customer(): Promise<string> {
  const { user: owner } = await user("user");
  return runTransaction(db, (tx) => createBillingAccount(tx, { userId: owner.id, grantMicros: 0n }));
}

// A deterministic stream of awkward numbers (a 32-bit LCG), so the test is the same every run.
let seed = 12345;
const next = (limit: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % limit;

function prices(values: Partial<Record<Resource, string>>, fallback: string): Record<Resource, string> {
  return Object.fromEntries(RESOURCES.map((resource) => [resource, values[resource] ?? fallback])) as Record<
    Resource,
    string
  >;
}

const count = (query: ReturnType<typeof sql>) => db.execute<{ n: number }>(query).then((rows) => rows.rows[0]!.n);

beforeAll(async () => {
  scratch = await createMigratedScratchDatabase();
  pool = new pg.Pool({ connectionString: scratch.appUrl, max: 4 });
  db = drizzle(pool, { schema });
  operator = await user("admin");
  member = await user("user");
});

afterAll(async () => {
  expect(await checkLedgerInvariants(db)).toEqual([]);
  await pool.end();
  await scratch.drop();
});

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

describe("publishing a draft", () => {
  it("refuses a past or current hour with a clear error, and publishes nothing", async () => {
    const { id: draftId } = await createRateDraft(db, operator, { name: "Backdated" });
    const thisHour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const cards = await count(sql`select count(*)::int as n from rate_cards`);
    for (const effectiveFrom of [
      thisHour,
      new Date(thisHour.getTime() - 3_600_000),
      new Date("2020-01-01T00:00:00Z"),
    ]) {
      const refused = await publishRateDraft(db, operator, { draftId, effectiveFrom, resourceNames: names }).catch(
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({
        code: "validation_failed",
        message: expect.stringMatching(/only take effect in the future: .* is not after now/) as string,
      });
    }
    const offHour = await publishRateDraft(db, operator, {
      draftId,
      effectiveFrom: new Date(thisHour.getTime() + 5_400_000),
      resourceNames: names,
    }).catch((error: unknown) => error);
    expect(offHour).toMatchObject({
      code: "validation_failed",
      message: expect.stringMatching(/whole hour/) as string,
    });
    expect(await count(sql`select count(*)::int as n from rate_cards`)).toBe(cards);
    expect((await getRateDraft(db, operator, draftId)).publishedVersion).toBeNull();
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'rate-card.publish'`)).toBe(0);
  });

  it("when it raises a price: every customer owes one email, a retry owes none more, and the audit names the operator", async () => {
    const closed = await customer();
    await db.execute(sql`insert into account_closures (account_id, remaining_micros) values (${closed}, 0)`);
    const now = new Date();
    const newYear = new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 1));
    const { id: draftId } = await createRateDraft(db, operator, { name: "New year" });
    // Compute up a micro-dollar per CPU-hour, messages down: a rise all the same.
    await updateRateDraft(db, operator, {
      draftId,
      name: "New year",
      prices: prices(
        {
          cpu_ms: "0.040001",
          messages: "0.2",
          memory_bytes: "0.005",
          bandwidth_bytes: "0.05",
          storage_bytes: "0.02",
          first_party_calls: "0.1",
          third_party_calls: "0.2",
        },
        "0.01",
      ),
    });

    const published = await publishRateDraft(db, operator, { draftId, effectiveFrom: newYear, resourceNames: names });
    expect(published).toMatchObject({ version: 2, raised: ["cpu_ms"], wasPublished: false });
    const customers = await count(
      sql`select count(*)::int as n from billing_accounts b join "user" u on u.id = b.owner_user_id where u.email is not null and b.id <> ${closed}`,
    );
    expect(published.emailsOwed).toBe(customers);
    const owed = await db.execute<{ n: number; accounts: number; subject: string }>(sql`
      select count(*)::int as n, count(distinct account_id)::int as accounts, min(subject) as subject from email_outbox where template = 'price-rise'`);
    expect(owed.rows[0]).toEqual({
      n: customers,
      accounts: customers,
      subject: `Tandem prices change on 1 January ${newYear.getUTCFullYear()}`,
    });
    expect(
      await count(
        sql`select count(*)::int as n from email_outbox where template = 'price-rise' and account_id = ${closed}`,
      ),
    ).toBe(0);
    const data = await db.execute<{ data: unknown }>(
      sql`select data from email_outbox where template = 'price-rise' limit 1`,
    );
    expect(data.rows[0]!.data).toEqual({
      version: 2,
      effectiveFrom: newYear.toISOString(),
      rises: [{ name: "Compute", before: "$0.04 per CPU-hour", after: "$0.040001 per CPU-hour" }],
    });

    // A retried publish (a double submit, a reload): the same version, nothing new.
    expect(
      await publishRateDraft(db, operator, { draftId, effectiveFrom: newYear, resourceNames: names }),
    ).toMatchObject({ version: 2, wasPublished: true, emailsOwed: 0 });
    expect(await count(sql`select count(*)::int as n from email_outbox where template = 'price-rise'`)).toBe(customers);
    expect(await count(sql`select count(*)::int as n from rate_cards`)).toBe(2);

    const audit = await db.execute<{
      actor_id: string;
      actor_email: string;
      after: { version: number; raised: string[] };
    }>(sql`
      select actor_id, actor_email, after from audit_log where action = 'rate-card.publish'`);
    expect(audit.rows).toEqual([
      {
        actor_id: operator.user.id,
        actor_email: operator.user.email,
        after: expect.objectContaining({
          version: 2,
          raised: ["cpu_ms"],
          draftId: String(draftId),
          emailsOwed: customers,
        }) as unknown,
      },
    ]);
    const overview = await getRateCardsOverview(db, operator);
    expect(overview.current?.version).toBe(1);
    expect(overview.scheduled.map((card) => [card.version, card.effectiveFrom])).toEqual([[2, newYear]]);
    expect(
      await errorCodeOf(() => updateRateDraft(db, operator, { draftId, name: "Later", prices: prices({}, "1") })),
    ).toBe("conflict");
  });

  it("when every price falls: published, audited, and no email", async () => {
    const overview = await getRateCardsOverview(db, operator);
    const after = new Date(overview.scheduled.at(-1)!.effectiveFrom.getTime() + 31 * 86_400_000);
    const { id: draftId } = await createRateDraft(db, operator, { name: "Cheaper" });
    await updateRateDraft(db, operator, {
      draftId,
      name: "Cheaper",
      prices: prices({ cpu_ms: "0.04", memory_bytes: "0.004", messages: "0.1" }, "0.001"),
    });
    const published = await publishRateDraft(db, operator, { draftId, effectiveFrom: after, resourceNames: names });
    expect(published).toMatchObject({ version: 3, raised: [], emailsOwed: 0 });
    expect(
      await count(sql`select count(*)::int as n from email_outbox where idempotency_key like 'price-rise:v3:%'`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where target = 'rate-card:v3' and actor_id = ${operator.user.id}`,
      ),
    ).toBe(1);
  });
});

describe("npm run rates:publish (automation)", () => {
  it("tells every customer of a rise too, once per version and account", async () => {
    const overview = await getRateCardsOverview(db, operator);
    const latest = overview.history[0]!;
    const entries = [...latest.entries.values()].map((entry) => ({ ...entry, priceMicros: entry.priceMicros * 2n }));
    const effectiveFrom = new Date(latest.effectiveFrom.getTime() + 31 * 86_400_000);
    const published = await publishAnnouncedRateCard(db, { effectiveFrom, entries, resourceNames: names });
    const customers = await count(
      sql`select count(*)::int as n from billing_accounts b join "user" u on u.id = b.owner_user_id where u.email is not null and not exists (select 1 from account_closures c where c.account_id = b.id)`,
    );
    expect(published).toMatchObject({
      version: latest.version + 1,
      raised: RESOURCES.filter((resource) => latest.entries.get(resource)!.priceMicros > 0n),
      emailsOwed: customers,
    });
    expect(
      await count(
        sql`select count(*)::int as n from email_outbox where idempotency_key like ${`price-rise:v${published.version}:%`}`,
      ),
    ).toBe(customers);
  });
});

describe("the pricing page with a card scheduled", () => {
  it("shows the upcoming card, its date, and the calculator's month priced on it", async () => {
    const { current, scheduled } = await getRateCardsOverview(db, operator);
    const toPublic = (card: NonNullable<typeof current>): PublicRateCard => ({
      version: card.version,
      effectiveFrom: card.effectiveFrom.toISOString(),
      publishedAt: card.publishedAt.toISOString(),
      rates: RESOURCES.map((resource) => {
        const entry = card.entries.get(resource)!;
        return {
          resource,
          unitLabel: entry.unitLabel,
          priceMicros: String(entry.priceMicros),
          perUnits: String(entry.perUnits),
        };
      }),
    });
    const upcoming = toPublic(scheduled[0]!);
    const html = renderToStaticMarkup(
      createElement(PricingContent, { current: toPublic(current!), upcoming, calculatorScript: "/islands/test.js" }),
    );
    const year = scheduled[0]!.effectiveFrom.getUTCFullYear();
    expect(html).toContain(`New prices from 1 January ${year} at 00:00 UTC`);
    const month = formatCents(estimateMonthlyCost(upcoming, profileToUsage(EXAMPLE_APPS[0]!.profile)).totalMicros);
    expect(html).toMatch(
      new RegExp(
        `data-testid="calculator-upcoming">From 1 January ${year}: <span[^>]*>${month.replace("$", "\\$")}</span> a month \\(rate card v2\\)`,
      ),
    );
  });
});

describe("the rates console", () => {
  it("refuses members and anonymous callers with not_found in every read and write, and changes nothing", async () => {
    const { id: draftId } = await createRateDraft(db, operator, { name: "Guarded" });
    const later = new Date(Date.UTC(2040, 0, 1));
    const calls: Array<[string, (session: AppSession | null) => Promise<unknown>]> = [
      ["overview", (session) => getRateCardsOverview(db, session)],
      ["draft", (session) => getRateDraft(db, session, draftId)],
      ["create", (session) => createRateDraft(db, session, { name: "Mine" })],
      ["update", (session) => updateRateDraft(db, session, { draftId, name: "Mine", prices: prices({}, "9") })],
      ["discard", (session) => discardRateDraft(db, session, draftId)],
      ["shadow bill", (session) => shadowBillDraft(db, session, { draftId, now: NOW })],
      ["publish", (session) => publishRateDraft(db, session, { draftId, effectiveFrom: later, resourceNames: names })],
    ];
    const drafts = await count(sql`select count(*)::int as n from rate_card_drafts`);
    const cards = await count(sql`select count(*)::int as n from rate_cards`);
    for (const [name, call] of calls) {
      for (const session of [member, null])
        expect(`${name}: ${await errorCodeOf(() => call(session))}`).toBe(`${name}: not_found`);
    }
    expect(await count(sql`select count(*)::int as n from rate_card_drafts`)).toBe(drafts);
    expect(await count(sql`select count(*)::int as n from rate_cards`)).toBe(cards);
    expect((await getRateDraft(db, operator, draftId)).name).toBe("Guarded");
    expect(await count(sql`select count(*)::int as n from audit_log where actor_id = ${member.user.id}`)).toBe(0);
  });
});
