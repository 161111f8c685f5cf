// Factories and request builders for the billing API's integration tests: real accounts and tokens in
// the test database, unique per call so test files can run in parallel on one database.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll } from "vitest";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { createPlatformToken, type CreatedPlatformToken } from "@/lib/billing/platform-tokens";
import { closeDb, getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";

export const BASE_URL = "http://localhost/api/billing/v1";
const HOUR_MS = 3_600_000;

export type TestAccount = { accountId: string; email: string; userId: string };

/** A user with a billing account (and its $5 welcome credit). */
export async function createTestAccount(): Promise<TestAccount> {
  const email = `billing-api-${randomUUID()}@example.test`;
  return runTransaction(getDb(), async (tx) => {
    const inserted = await tx.execute<{ id: string }>(
      sql`insert into "user" (id, email) values (${randomUUID()}, ${email}) returning id`,
    );
    const userId = inserted.rows[0]!.id;
    return { accountId: await createBillingAccount(tx, { userId }), email, userId };
  });
}

export function createTestToken(): Promise<CreatedPlatformToken> {
  return createPlatformToken(getDb(), `test-${randomUUID()}`);
}

/**
 * The platform token a billing API test file sends (`const token = await platformTokenForThisFile()`,
 * at the top of the file, so it exists before the first test); the file's database pool is closed after
 * its last test.
 */
export async function platformTokenForThisFile(): Promise<string> {
  afterAll(closeDb);
  return (await createTestToken()).token;
}

/** The start of the hour `hoursAgo` hours before the current one, as an ISO string. */
export function hourAgo(hoursAgo: number): string {
  return new Date((Math.floor(Date.now() / HOUR_MS) - hoursAgo) * HOUR_MS).toISOString();
}

type RequestOptions = { token?: string; method?: string; body?: unknown; rawBody?: string; authorization?: string };

export function billingRequest(path: string, options: RequestOptions = {}): Request {
  const headers = new Headers({ "content-type": "application/json" });
  const authorization = options.authorization ?? (options.token ? `Bearer ${options.token}` : undefined);
  if (authorization !== undefined) headers.set("authorization", authorization);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Request(`${BASE_URL}${path}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
}

export function accountContext(account: string): { params: Promise<{ account: string }> } {
  return { params: Promise.resolve({ account }) };
}

export type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

export async function meterRecordCount(accountId: string): Promise<number> {
  const rows = await getDb().execute<{ count: string }>(
    sql`select count(*)::text as count from meter_records where account_id = ${accountId}`,
  );
  return Number(rows.rows[0]!.count);
}

export async function cachedBalance(accountId: string): Promise<bigint> {
  const rows = await getDb().execute<{ balance: string }>(sql`
    select balance_micros::text as balance from ledger_accounts where billing_account_id = ${accountId}`);
  return BigInt(rows.rows[0]!.balance);
}

/** What the account was charged for usage: the sum of its usage transfers. */
export async function billedUsageMicros(accountId: string): Promise<bigint> {
  const rows = await getDb().execute<{ total: string }>(sql`
    select coalesce(sum(t.amount_micros), 0)::text as total from transfers t
    join ledger_accounts l on l.id = t.from_account_id
    where l.billing_account_id = ${accountId} and t.kind = 'usage'`);
  return BigInt(rows.rows[0]!.total);
}
