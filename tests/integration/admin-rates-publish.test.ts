// Rate cards from /admin/rates (issue 18): publishing for the future, from the console and by
// automation, the pricing page with a card scheduled, and who may use the console. On a scratch database
// of this file's own (tests/support/rates-world.ts); drafts and shadow billing are in admin-rates-drafts.test.ts.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getRateCardsOverview } from "@/lib/admin/get-rate-cards-overview";
import { getRateDraft } from "@/lib/admin/get-rate-draft";
import { RESOURCES } from "@/lib/billing/resources";
import { PricingContent } from "@/components/marketing/pricing-content";
import { formatCents } from "@/lib/format/money";
import { estimateMonthlyCost, type PublicRateCard } from "@/lib/pricing/estimate";
import { profileToUsage } from "@/lib/pricing/app-profile";
import { EXAMPLE_APPS } from "@/lib/pricing/example-apps";
import { createRateDraft, discardRateDraft, updateRateDraft } from "@/lib/rate-drafts/manage-rate-drafts";
import { publishAnnouncedRateCard } from "@/lib/rate-drafts/publish-announced-rate-card";
import { publishRateDraft } from "@/lib/rate-drafts/publish-rate-draft";
import { shadowBillDraft } from "@/lib/rate-drafts/shadow-bill-draft";
import type { AppSession } from "@/lib/session/app-session";
import { errorCodeOf } from "../support/signup-fixtures";
import {
  NOW,
  count,
  customer,
  db,
  member,
  names,
  openRatesWorldForThisFile,
  operator,
  prices,
} from "../support/rates-world";

openRatesWorldForThisFile();
// Customers for a rise to be told of (before the split, the shadow bill's two dozen accounts were they).
beforeAll(async () => {
  await Promise.all(Array.from({ length: 3 }, () => customer()));
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
