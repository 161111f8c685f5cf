// Usage by the day for the spend-alert tests, posted through the real billing API route (so the
// late-usage rule and ingestion run as for a host), and the rows the alerts leave behind.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import type { AppSession } from "@/lib/session/app-session";
import { getDb } from "@/lib/db/client";
import { billingRequest, createTestAccount, createTestToken, type TestAccount } from "./billing-api";

export const DAY_MS = 86_400_000;
/** Third-party calls cost $0.20 per 1,000 on the seeded card: 200 micro-dollars each, no fractions. */
export const MICROS_PER_CALL = 200;

let token: string | undefined;

/** Posts one record per entry at the given hour, `cents` worth of third-party calls each. */
export async function postCosts(accountId: string, entries: Array<{ hour: Date; cents: number }>): Promise<void> {
  token ??= (await createTestToken()).token;
  const records = entries.map(({ hour, cents }) => ({
    id: `spend-alert-${randomUUID()}`,
    account: accountId,
    space: "app",
    hour: hour.toISOString(),
    third_party_calls: (cents * 10_000) / MICROS_PER_CALL,
  }));
  const response = await postUsage(billingRequest("/usage", { token, body: { records } }));
  if (response.status !== 200) throw new Error(`usage refused: ${response.status} ${await response.text()}`);
}

/** `cents` a day on each of the `count` days before `day` (a UTC day start, ms): history for the anomaly rule. */
export function dailyHistory(day: number, count: number, cents: number): Array<{ hour: Date; cents: number }> {
  return Array.from({ length: count }, (_, index) => ({ hour: new Date(day - (index + 1) * DAY_MS + 3_600_000), cents }));
}

export function sessionOf(account: TestAccount): AppSession {
  return { user: { id: account.userId, email: account.email, name: null, role: "user" }, expires: new Date(Date.now() + 86_400_000).toISOString() };
}

/** An account with a confirmed billing contact and an unconfirmed one (who must get nothing). */
export async function createAccountWithContacts(): Promise<TestAccount & { contact: string; contactId: string }> {
  const account = await createTestAccount();
  const contact = `finance-${randomUUID()}@example.test`;
  const rows = await getDb().execute<{ id: string }>(sql`
    insert into billing_contacts (account_id, email, confirmed_at) values (${account.accountId}, ${contact}, now()) returning id::text`);
  await getDb().execute(sql`
    insert into billing_contacts (account_id, email, confirm_token_hash, confirmation_sent_at)
    values (${account.accountId}, ${`unconfirmed-${randomUUID()}@example.test`}, ${randomUUID()}, now())`);
  return { ...account, contact, contactId: rows.rows[0]!.id };
}

export type AlertRow = { id: string; kind: string; key: string; data: Record<string, unknown>; dismissed_at: Date | null };

export async function alertsOf(accountId: string, kind?: string): Promise<AlertRow[]> {
  const rows = await getDb().execute<AlertRow>(sql`
    select id::text, kind, key, data, dismissed_at from spend_alerts
    where account_id = ${accountId} and (${kind ?? null}::text is null or kind = ${kind ?? null}) order by id`);
  return rows.rows;
}

export type OutboxRow = { idempotency_key: string; template: string; to_address: string; data: Record<string, unknown> };

/** The outbox rows of the account's spend alerts of one template. */
export async function alertEmailsOf(accountId: string, template: string): Promise<OutboxRow[]> {
  const rows = await getDb().execute<OutboxRow>(sql`
    select idempotency_key, template, to_address, data from email_outbox
    where account_id = ${accountId} and template = ${template} order by idempotency_key`);
  return rows.rows;
}
