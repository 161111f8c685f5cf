import { spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getAccounts } from "@/app/api/billing/v1/accounts/route";
import { GET as getStanding } from "@/app/api/billing/v1/accounts/[account]/standing/route";
import { GET as getUsage } from "@/app/api/billing/v1/accounts/[account]/usage/route";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import { BILLING_RATE_LIMITS, billingRateLimitBucket } from "@/lib/billing/api/authorize-billing-request";
import { revokePlatformToken } from "@/lib/billing/revoke-platform-token";
import { verifyPlatformTokenOrThrow } from "@/lib/billing/verify-platform-token";
import { closeDb, getDb, type Database } from "@/lib/db/client";
import type { AppError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { testDatabaseUrl } from "@/tests/support/test-env";
import {
  accountContext,
  billingRequest,
  createTestAccount,
  createTestToken,
  type ErrorBody,
  type TestAccount,
} from "@/tests/support/billing-api";

afterAll(closeDb);

let account: TestAccount;
beforeAll(async () => {
  account = await createTestAccount();
});

// Every token-guarded endpoint, called with a given Authorization header.
const guarded: Array<[string, (authorization: string | undefined) => Promise<Response>]> = [
  ["POST /usage", (authorization) => postUsage(billingRequest("/usage", { authorization, body: { records: [] } }))],
  [
    "GET /accounts",
    (authorization) =>
      getAccounts(billingRequest(`/accounts?email=${encodeURIComponent(account.email)}`, { authorization })),
  ],
  [
    "GET /accounts/{account}/standing",
    (authorization) =>
      getStanding(
        billingRequest(`/accounts/${account.accountId}/standing`, { authorization }),
        accountContext(account.accountId),
      ),
  ],
  [
    "GET /accounts/{account}/usage",
    (authorization) =>
      getUsage(
        billingRequest(`/accounts/${account.accountId}/usage`, { authorization }),
        accountContext(account.accountId),
      ),
  ],
];

async function expectUnauthenticated(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe("unauthenticated");
}

describe("billing API authentication", () => {
  it.each(guarded)(
    "%s answers 401 without a token, with a malformed one and with an unknown one",
    async (_name, call) => {
      const valid = await createTestToken();
      const unknown = `ptk_${"A".repeat(40)}`;
      for (const authorization of [
        undefined,
        "",
        "Bearer",
        `Basic ${valid.token}`,
        `Bearer ${valid.token.slice(0, 20)}`,
        `Bearer ${unknown}`,
        valid.token,
      ]) {
        await expectUnauthenticated(await call(authorization));
      }
      expect((await call(`Bearer ${valid.token}`)).status).toBe(200);
      expect((await call(`bearer  ${valid.token}`)).status).toBe(200);
    },
  );

  it("refuses a revoked token at once, on every endpoint", async () => {
    const token = await createTestToken();
    expect((await guarded[0]![1](`Bearer ${token.token}`)).status).toBe(200);
    expect(await revokePlatformToken(getDb(), token.id)).toBe(true);
    expect(await revokePlatformToken(getDb(), token.id)).toBe(false);
    for (const [, call] of guarded) await expectUnauthenticated(await call(`Bearer ${token.token}`));
  });

  it("stores only a hash and a display prefix, and records when the token was last used", async () => {
    const token = await createTestToken();
    expect(token.token).toMatch(/^ptk_[0-9A-Za-z]{40}$/);
    const before = await getDb().execute<{ token_hash: string; prefix: string; last_used_at: string | null }>(sql`
      select token_hash, prefix, last_used_at::text from platform_tokens where id = ${token.id.toString()}::bigint`);
    expect(before.rows[0]!.token_hash).not.toContain(token.token.slice(4));
    expect(token.token.startsWith(before.rows[0]!.prefix)).toBe(true);
    expect(before.rows[0]!.prefix.length).toBeLessThan(12);
    expect(before.rows[0]!.last_used_at).toBeNull();
    await expect(verifyPlatformTokenOrThrow(getDb(), `Bearer ${token.token}`)).resolves.toMatchObject({
      id: token.id,
      name: token.name,
    });
    const after = await getDb().execute<{ last_used_at: string | null }>(sql`
      select last_used_at::text from platform_tokens where id = ${token.id.toString()}::bigint`);
    expect(after.rows[0]!.last_used_at).not.toBeNull();
  });
});

/** Calls consumeRateLimit until it refuses. One connection without synchronous commit keeps the
 * thousands of hits on one hot row to well under a second; durability does not matter here. */
async function spendBucket(bucket: string, limits: { limit: number; windowSeconds: number }): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query("set synchronous_commit to off");
    const db = drizzle(client);
    for (;;) {
      try {
        await consumeRateLimit(db as unknown as Database, { bucket, ...limits });
      } catch (error) {
        if ((error as AppError).code === "rate_limited") return;
        throw error;
      }
    }
  } finally {
    await client.end();
  }
}

describe("billing API rate limits", () => {
  // Spends the token's ingest bucket directly (the limit is sized for the bench, far above what a
  // test should send through the route), then calls the route. If the one-minute window rolls over
  // in between, the route admits the request; spending the new window and retrying settles it.
  it("answers 429 with Retry-After once a token's limit is spent, and only for that token", async () => {
    const token = await createTestToken();
    const other = await createTestToken();
    const bucket = billingRateLimitBucket("ingest", token.id);
    const call = (secret: string) => postUsage(billingRequest("/usage", { token: secret, body: { records: [] } }));
    let response: Response | undefined;
    for (let attempt = 0; attempt < 2 && response?.status !== 429; attempt++) {
      await spendBucket(bucket, BILLING_RATE_LIMITS.ingest);
      response = await call(token.token);
    }
    expect(response!.status).toBe(429);
    const retryAfter = Number(response!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(BILLING_RATE_LIMITS.ingest.windowSeconds);
    expect(((await response!.json()) as ErrorBody).error.code).toBe("rate_limited");
    // Reads have their own bucket, and other tokens are untouched.
    expect((await guarded[2]![1](`Bearer ${token.token}`)).status).toBe(200);
    expect((await call(other.token)).status).toBe(200);
  });

  it("sizes the ingest limit so the 20,000 records/s budget fits in full batches", () => {
    const { limit, windowSeconds } = BILLING_RATE_LIMITS.ingest;
    expect((limit / windowSeconds) * 1_000).toBeGreaterThanOrEqual(20_000);
  });
});

describe("npm run token:create", () => {
  it("prints a working token once, alone on stdout", async () => {
    const name = `script-${Date.now()}`;
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        const child = spawn(
          process.execPath,
          ["--conditions=react-server", "--import", "tsx", "scripts/token-create.ts", "--name", name],
          {
            env: { ...process.env, DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: "silent" },
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let out = "";
        let err = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
        child.on("close", (exit) => resolve({ code: exit, stdout: out, stderr: err }));
      },
    );
    expect(code, stderr).toBe(0);
    const secret = stdout.trim();
    expect(secret).toMatch(/^ptk_[0-9A-Za-z]{40}$/);
    expect(stderr).toContain(name);
    expect(stderr).not.toContain(secret);
    await expect(verifyPlatformTokenOrThrow(getDb(), `Bearer ${secret}`)).resolves.toMatchObject({ name });
  });

  it("refuses to run without a name", async () => {
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/token-create.ts"],
        {
          env: { ...process.env, DATABASE_URL: testDatabaseUrl() },
          stdio: "ignore",
        },
      );
      child.on("close", resolve);
    });
    expect(code).toBe(2);
  });
});
