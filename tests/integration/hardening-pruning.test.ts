// Session 13, H2 point 5: the maintenance job prunes platform events delivered more than 90 days ago and
// the failed attempts of Stripe events resolved more than 90 days ago; nothing undelivered or unresolved
// goes, whatever its age. The site's login still may not delete a failure itself (migration 0034): it
// asks the one function migration 0039 grants it.
import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { pruneStaleRows } from "@/lib/jobs/maintenance-jobs";
import { MAX_PLATFORM_WEBHOOK_ATTEMPTS } from "@/lib/platform-events/platform-webhook-retry";
import { createTestAccount } from "../support/billing-api";

afterAll(closeDb);

async function count(query: SQL): Promise<number> {
  return (await getDb().execute<{ n: number }>(query)).rows[0]!.n;
}

describe("the maintenance job's pruning", () => {
  it("drops platform events delivered more than 90 days ago, keeps newer ones and every undelivered one", async () => {
    const { accountId } = await createTestAccount();
    // sequence: 1 delivered 91 days ago, 2 delivered 89 days ago, 3 given up 200 days ago, 4 still being tried.
    await getDb().execute(sql`
      insert into platform_events (account_id, sequence, type, payload, created_at, attempts, next_attempt_at, delivered_at) values
        (${accountId}, 1, 'account.standing_changed', '{}', now() - interval '92 days', 1, now(), now() - interval '91 days'),
        (${accountId}, 2, 'account.standing_changed', '{}', now() - interval '90 days', 1, now(), now() - interval '89 days'),
        (${accountId}, 3, 'account.standing_changed', '{}', now() - interval '200 days', ${MAX_PLATFORM_WEBHOOK_ATTEMPTS}, now(), null),
        (${accountId}, 4, 'account.standing_changed', '{}', now() - interval '200 days', 3, now() + interval '1 day', null)`);

    const report = await pruneStaleRows(getDb());

    expect(report.deliveredPlatformEvents).toBeGreaterThanOrEqual(1);
    const left = await getDb().execute<{ sequence: string }>(
      sql`select sequence::text from platform_events where account_id = ${accountId} order by sequence`,
    );
    expect(left.rows.map((row) => row.sequence)).toEqual(["2", "3", "4"]);
  });

  it("drops the failures of Stripe events resolved more than 90 days ago, keeps recent and unresolved ones", async () => {
    const [oldResolved, recentlyResolved, unresolved] = [`evt_old_${randomUUID()}`, `evt_recent_${randomUUID()}`, `evt_open_${randomUUID()}`];
    await getDb().execute(sql`
      insert into stripe_event_failures (event_id, type, stripe_created_at, failed_at, error_code, error_message) values
        (${oldResolved}, 'checkout.session.completed', now() - interval '120 days', now() - interval '120 days', 'internal', 'x'),
        (${oldResolved}, 'checkout.session.completed', now() - interval '120 days', now() - interval '119 days', 'internal', 'x'),
        (${recentlyResolved}, 'checkout.session.completed', now() - interval '120 days', now() - interval '120 days', 'internal', 'x'),
        (${unresolved}, 'checkout.session.completed', now() - interval '400 days', now() - interval '400 days', 'internal', 'x')`);
    await getDb().execute(sql`
      insert into stripe_events (id, type, stripe_created_at, received_at, processed_at, outcome) values
        (${oldResolved}, 'checkout.session.completed', now() - interval '120 days', now() - interval '100 days', now() - interval '100 days', 'applied'),
        (${recentlyResolved}, 'checkout.session.completed', now() - interval '120 days', now() - interval '10 days', now() - interval '10 days', 'applied')`);

    const report = await pruneStaleRows(getDb());

    expect(report.resolvedStripeEventFailures).toBeGreaterThanOrEqual(2);
    const failuresOf = (eventId: string) => count(sql`select count(*)::int as n from stripe_event_failures where event_id = ${eventId}`);
    expect(await failuresOf(oldResolved)).toBe(0);
    expect(await failuresOf(recentlyResolved)).toBe(1);
    expect(await failuresOf(unresolved)).toBe(1);
    // The events themselves are the ledger's record of Stripe: never pruned.
    expect(await count(sql`select count(*)::int as n from stripe_events where id in (${oldResolved}, ${recentlyResolved})`)).toBe(2);
  });

  it("leaves the site's own login unable to delete a failure directly (insufficient_privilege)", async () => {
    const eventId = `evt_direct_${randomUUID()}`;
    await getDb().execute(sql`
      insert into stripe_event_failures (event_id, type, stripe_created_at, error_code, error_message)
      values (${eventId}, 'invoice.paid', now(), 'internal', 'x')`);
    await expect(getDb().execute(sql`delete from stripe_event_failures where event_id = ${eventId}`)).rejects.toMatchObject({
      cause: { code: "42501" },
    });
  });
});
