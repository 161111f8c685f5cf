// Personal API keys (issue 19 part 6): shown once and stored as a hash, at most 10 live, read-only,
// scoped to their own account, refused at once when revoked, rate limited per key and per address.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import * as accountRoute from "@/app/api/account/v1/accounts/[account]/route";
import * as budgetsRoute from "@/app/api/account/v1/accounts/[account]/budgets/route";
import * as usageRoute from "@/app/api/account/v1/accounts/[account]/usage/route";
import * as statementRoute from "@/app/api/account/v1/accounts/[account]/statement/route";
import { GET as unknownPath, POST as unknownPathPost } from "@/app/api/account/v1/[[...rest]]/route";
import {
  ACCOUNT_API_RATE_LIMITS,
  accountApiFailedAuthBucket,
  accountApiKeyBucket,
} from "@/lib/api-keys/authorize-account-api-request";
import { closeAccount } from "@/lib/account/close-account";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { closeDb, getDb } from "@/lib/db/client";
import type { AppError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { cachedBalance, type ErrorBody } from "@/tests/support/billing-api";
import { accountParams, apiRequest, createKey, createKeyHolder } from "@/tests/support/account-api";
import { startWellInsideRateLimitWindow } from "@/tests/support/rate-limit-window";

afterAll(closeDb);

const getAccount = (account: string, options: Parameters<typeof apiRequest>[1] = {}) =>
  accountRoute.GET(apiRequest(`/accounts/${account}`, options), accountParams(account));

async function errorOf(response: Response): Promise<ErrorBody["error"]> {
  return ((await response.json()) as ErrorBody).error;
}

async function keyRows(accountId: string) {
  const rows = await getDb().execute<{
    token_hash: string;
    prefix: string;
    name: string;
    last_used_at: string | null;
    revoked_at: string | null;
  }>(sql`
    select token_hash, prefix, name, last_used_at::text, revoked_at::text from personal_api_keys where account_id = ${accountId} order by id`);
  return rows.rows;
}

/** Spends a rate-limit bucket the way requests would, until it refuses. */
async function spend(bucket: string, limits: { limit: number; windowSeconds: number }): Promise<void> {
  for (let hit = 0; hit <= limits.limit; hit++) {
    try {
      await consumeRateLimit(getDb(), { bucket, ...limits });
    } catch (error) {
      if ((error as AppError).code === "rate_limited") return;
      throw error;
    }
  }
}

describe("creating personal API keys", () => {
  it("returns the key once and stores only its SHA-256 and a short prefix", async () => {
    const holder = await createKeyHolder();
    const created = await createKey(holder, "balance watcher");
    expect(created.key).toMatch(/^tpk_[A-Za-z0-9_-]{43}$/);
    const [row] = await keyRows(holder.accountId);
    expect(row!.token_hash).toBe(createHash("sha256").update(created.key).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.key.slice(4));
    expect(created.key.startsWith(row!.prefix)).toBe(true);
    expect(row!.prefix.length).toBeLessThanOrEqual(10);
    // The list shows what tells keys apart, never the secret.
    const listed = await listApiKeys(getDb(), holder.session);
    expect(listed).toEqual([
      { id: created.id, name: "balance watcher", prefix: row!.prefix, createdAt: created.createdAt, lastUsedAt: null },
    ]);
    expect(JSON.stringify(listed, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(
      created.key.slice(4),
    );
  });

  it("allows at most 10 live keys, even when creations race, and a revoked key frees a place", async () => {
    const holder = await createKeyHolder();
    const results = await Promise.allSettled(Array.from({ length: 14 }, (_, n) => createKey(holder, `key ${n}`)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(10);
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused.map((result) => (result.reason as AppError).code)).toEqual(Array(4).fill("conflict"));
    const first = (await listApiKeys(getDb(), holder.session)).at(-1)!;
    await revokeApiKey(getDb(), holder.session, first.id);
    await expect(createKey(holder, "one more")).resolves.toMatchObject({ name: "one more" });
  });

  it("refuses a name that is empty, too long or holds control characters, and stores nothing", async () => {
    const holder = await createKeyHolder();
    for (const name of ["", "   ", "x".repeat(101), "tab\there"]) {
      await expect(createKey(holder, name)).rejects.toMatchObject({ code: "validation_failed" });
    }
    expect(await keyRows(holder.accountId)).toEqual([]);
  });

  it("revokes only the session's own keys", async () => {
    const [owner, stranger] = await Promise.all([createKeyHolder(), createKeyHolder()]);
    const created = await createKey(owner);
    await expect(revokeApiKey(getDb(), stranger.session, created.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await getAccount(owner.accountId, { key: created.key })).status).toBe(200);
  });
});

describe("the account API's key checks", () => {
  it("answers 401 without a key, with a malformed one and with an unknown one", async () => {
    const holder = await createKeyHolder();
    const { key } = await createKey(holder);
    for (const authorization of [
      undefined,
      "",
      "Bearer",
      `Basic ${key}`,
      key,
      `Bearer ${key.slice(0, 20)}`,
      `Bearer tpk_${"A".repeat(43)}`,
    ]) {
      const response = await getAccount(holder.accountId, { authorization, ip: "198.51.100.1" });
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toMatchObject({ code: "unauthenticated" });
    }
    expect((await getAccount(holder.accountId, { authorization: `bearer  ${key}` })).status).toBe(200);
  });

  it("refuses a revoked key on the very next request", async () => {
    const holder = await createKeyHolder();
    const created = await createKey(holder);
    expect((await getAccount(holder.accountId, { key: created.key })).status).toBe(200);
    await revokeApiKey(getDb(), holder.session, created.id);
    const response = await getAccount(holder.accountId, { key: created.key });
    expect(response.status).toBe(401);
    expect((await keyRows(holder.accountId))[0]!.revoked_at).not.toBeNull();
  });

  it("refuses the keys of a closed account, and makes no new one for it", async () => {
    const holder = await createKeyHolder();
    const { key } = await createKey(holder);
    await closeAccount(getDb(), holder.session);
    expect((await getAccount(holder.accountId, { key })).status).toBe(401);
    await expect(createKey(holder)).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers 404 for any account but the key's own, existing or not", async () => {
    const [owner, other] = await Promise.all([createKeyHolder(), createKeyHolder()]);
    const { key } = await createKey(owner);
    for (const account of [other.accountId, "acct_doesnotexist", "not-an-id"]) {
      for (const route of [accountRoute, budgetsRoute, usageRoute, statementRoute]) {
        const response = await route.GET(apiRequest(`/accounts/${account}`, { key }), accountParams(account));
        expect(response.status).toBe(404);
        expect(await errorOf(response)).toMatchObject({ code: "not_found" });
      }
    }
  });

  it("answers every write with 403 and changes nothing, with or without a key", async () => {
    const holder = await createKeyHolder();
    const { key } = await createKey(holder);
    const before = { balance: await cachedBalance(holder.accountId), keys: await keyRows(holder.accountId) };
    for (const route of [accountRoute, budgetsRoute, usageRoute, statementRoute]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
        for (const options of [{ key }, {}]) {
          const response = await route[method](apiRequest(`/accounts/${holder.accountId}`, { ...options, method }));
          expect(response.status).toBe(403);
          const error = await errorOf(response);
          expect(error.code).toBe("forbidden");
          expect(error.message).toMatch(/read-only/);
          expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
        }
      }
    }
    expect(await cachedBalance(holder.accountId)).toBe(before.balance);
    expect(await keyRows(holder.accountId)).toEqual(before.keys);
    const options = await accountRoute.OPTIONS(apiRequest(`/accounts/${holder.accountId}`, { method: "OPTIONS" }));
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("answers a path the API does not have with a JSON 404", async () => {
    for (const response of [
      await unknownPath(apiRequest("/accounts")),
      await unknownPathPost(apiRequest("/nope", { method: "POST" })),
    ]) {
      expect(response.status).toBe(404);
      expect(await errorOf(response)).toMatchObject({ code: "not_found" });
    }
  });

  it("touches last_used_at on use, at most once a minute", async () => {
    const holder = await createKeyHolder();
    const { key } = await createKey(holder);
    await getAccount(holder.accountId, { key });
    const first = (await keyRows(holder.accountId))[0]!.last_used_at;
    expect(first).not.toBeNull();
    await getAccount(holder.accountId, { key });
    expect((await keyRows(holder.accountId))[0]!.last_used_at).toBe(first);
    await getDb().execute(
      sql`update personal_api_keys set last_used_at = now() - interval '2 minutes' where account_id = ${holder.accountId}`,
    );
    await getAccount(holder.accountId, { key });
    expect((await keyRows(holder.accountId))[0]!.last_used_at).not.toBe(first);
  });
});

describe("the account API's rate limits", () => {
  it("answers 429 with Retry-After once a key's minute is spent, for that key only", async () => {
    await startWellInsideRateLimitWindow(10_000, 60_000);
    const holder = await createKeyHolder();
    const [spent, fresh] = await Promise.all([createKey(holder, "busy"), createKey(holder, "quiet")]);
    await spend(accountApiKeyBucket(spent.id), ACCOUNT_API_RATE_LIMITS.perKey);
    const response = await getAccount(holder.accountId, { key: spent.key });
    expect(response.status).toBe(429);
    expect(await errorOf(response)).toMatchObject({ code: "rate_limited" });
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await getAccount(holder.accountId, { key: fresh.key })).status).toBe(200);
  });

  it("answers 429 to an address whose failed keys pass the limit, while valid keys from it still work", async () => {
    await startWellInsideRateLimitWindow(10_000, 60_000);
    const holder = await createKeyHolder();
    const { key } = await createKey(holder);
    const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    await spend(accountApiFailedAuthBucket(ip), {
      ...ACCOUNT_API_RATE_LIMITS.failedAuthPerIp,
      limit: ACCOUNT_API_RATE_LIMITS.failedAuthPerIp.limit - 2,
    });
    expect((await getAccount(holder.accountId, { authorization: "Bearer tpk_wrong", ip })).status).toBe(401);
    const limited = await getAccount(holder.accountId, { authorization: "Bearer tpk_wrong", ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await getAccount(holder.accountId, { key, ip })).status).toBe(200);
  });
});
