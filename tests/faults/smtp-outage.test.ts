// SMTP is down when usage moves an account's standing on a running server: the standing email fails,
// stays owed, and once SMTP is back the server's own sweep sends it, exactly once. SMTP goes down for
// real: the server's SMTP_URL is a TCP relay to the mail catcher, and during the outage the relay
// drops every connection the way an unreachable mail server does.
import net from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlatformToken } from "@/lib/billing/platform-tokens";
import { standingMessage } from "@/lib/billing/notify-standing-changes";
import { getDb } from "@/lib/db/client";
import type { StandingState } from "@/lib/ledger/standing";
import { createCustomer, mailsTo, recentHour, startFaultWorld, waitUntil, type FaultWorld } from "../support/fault-world";

let world: FaultWorld;
let relay: net.Server;
let isSmtpDown = false;

beforeAll(async () => {
  world = await startFaultWorld("faults_smtp");
  const target = new URL(process.env.SMTP_URL!);
  relay = net.createServer((client) => {
    if (isSmtpDown) return void client.destroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    client.pipe(upstream).pipe(client);
    const close = () => (client.destroy(), upstream.destroy());
    client.on("error", close);
    upstream.on("error", close);
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await world?.stop();
  await new Promise((resolve) => relay?.close(resolve));
});

async function standingChangesOf(accountId: string) {
  const rows = await getDb().execute<{ from_state: StandingState; to_state: StandingState; attempts: number; notified: boolean }>(sql`
    select c.from_state, c.to_state, e.attempts, e.sent_at is not null as notified
    from standing_changes c join email_outbox e on e.idempotency_key = 'standing-change:' || c.id
    where c.account_id = ${accountId} order by c.id`);
  return rows.rows;
}

describe("SMTP down during a standing change", () => {
  it("emails the change exactly once after SMTP is back", async () => {
    const { port } = relay.address() as net.AddressInfo;
    const site = await world.startSite({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    const customer = await createCustomer("standing");
    const { token } = await createPlatformToken(getDb(), "faults-smtp");

    isSmtpDown = true;
    // $1.00 of usage takes the $5 welcome balance to $4, at or under the $5 low-balance threshold.
    const response = await fetch(`${site.url}/api/billing/v1/usage`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        records: [{ id: "smtp-outage-1", account: customer.accountId, space: "app", hour: recentHour().toISOString(), third_party_calls: 5_000 }],
      }),
    });
    expect(response.status).toBe(200);
    // The server tried right after the posting, and failed: the change is owed, not lost.
    await waitUntil("the failed first try", async () => (await standingChangesOf(customer.accountId))[0]?.attempts === 1, 30_000);
    const [change, ...more] = await standingChangesOf(customer.accountId);
    expect(more).toEqual([]);
    expect(change).toMatchObject({ to_state: "low", attempts: 1, notified: false });
    expect(await mailsTo(customer.email)).toEqual([]);

    // SMTP is back: the sweep (every 30 s, the email's first backoff 1 minute) sends it, once.
    isSmtpDown = false;
    await waitUntil("the standing email", async () => (await mailsTo(customer.email)).length > 0, 150_000);
    await waitUntil("the change marked sent", async () => (await standingChangesOf(customer.accountId))[0]?.notified === true, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await mailsTo(customer.email)).map((mail) => mail.subject)).toEqual([standingMessage(change!.from_state, change!.to_state).subject]);
    expect(site.isAlive()).toBe(true);
  }, 240_000);
});
