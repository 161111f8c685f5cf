// Session 13, H2 point 2: POST /api/billing/v1/usage skips proxy.ts, so nothing removes a client-sent
// X-Forwarded-For before the route reads it. With no trusted proxy (TRUSTED_PROXY_HOPS=0, the default;
// the test stack plays one proxy, so this file sets 0 before the environment is first read) the token's
// "last used from" must not become what the client wrote: it is recorded as unknown.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import { closeDb, getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { BASE_URL, createTestAccount, createTestToken, hourAgo } from "../support/billing-api";

beforeAll(() => {
  // getEnv() is parsed on first use: set before that, as launch-settings.test.ts points DATABASE_URL.
  vi.stubEnv("TRUSTED_PROXY_HOPS", "0");
});
afterAll(async () => {
  await closeDb();
  vi.unstubAllEnvs();
});

async function lastUse(tokenId: bigint): Promise<{ from: string | null; isUsed: boolean }> {
  const rows = await getDb().execute<{ last_used_from: string | null; is_used: boolean }>(
    sql`select last_used_from, last_used_at is not null as is_used from platform_tokens where id = ${tokenId}`,
  );
  return { from: rows.rows[0]!.last_used_from, isUsed: rows.rows[0]!.is_used };
}

describe("POST /usage and the token's last use", () => {
  it("does not record a client-sent X-Forwarded-For as where the token was used from", async () => {
    expect(getEnv().trustedProxyHops).toBe(0);
    const { accountId } = await createTestAccount();
    const token = await createTestToken();
    const records = [{ id: `hardening-${randomUUID()}`, account: accountId, space: "chat", hour: hourAgo(0), cpu_ms: 10 }];
    const response = await postUsage(
      new Request(`${BASE_URL}/usage`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token.token}`, "x-forwarded-for": "6.6.6.6" },
        body: JSON.stringify({ records }),
      }),
    );
    expect(response.status).toBe(200);
    expect(await lastUse(token.id)).toEqual({ from: null, isUsed: true });
  });
});
