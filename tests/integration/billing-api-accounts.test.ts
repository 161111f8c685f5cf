import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getAccounts } from "@/app/api/billing/v1/accounts/route";
import { GET as getStanding } from "@/app/api/billing/v1/accounts/[account]/standing/route";
import { GET as getUsage } from "@/app/api/billing/v1/accounts/[account]/usage/route";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import type { UsageSeries } from "@/lib/billing/api/schemas";
import { closeDb } from "@/lib/db/client";
import {
  accountContext,
  billedUsageMicros,
  billingRequest,
  cachedBalance,
  createTestAccount,
  createTestToken,
  hourAgo,
  type ErrorBody,
  type TestAccount,
} from "@/tests/support/billing-api";

afterAll(closeDb);

let token: string;
beforeAll(async () => {
  token = (await createTestToken()).token;
});

function usage(account: string, query = "") {
  return getUsage(billingRequest(`/accounts/${account}/usage${query}`, { token }), accountContext(account));
}

describe("GET /api/billing/v1/accounts?email=", () => {
  it("finds the account by email, trimmed and case-insensitive", async () => {
    const { accountId, email } = await createTestAccount();
    for (const asked of [email, `  ${email.toUpperCase()} `]) {
      const response = await getAccounts(billingRequest(`/accounts?email=${encodeURIComponent(asked)}`, { token }));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ account: accountId });
    }
  });

  it("answers 404 for an unknown email and 400 without one", async () => {
    const unknown = await getAccounts(billingRequest(`/accounts?email=${randomUUID()}@example.test`, { token }));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe("not_found");
    const missing = await getAccounts(billingRequest("/accounts", { token }));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as ErrorBody).error).toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("email") as string,
    });
  });
});

describe("GET /api/billing/v1/accounts/{account}/standing", () => {
  it("answers the standing with amounts as decimal strings", async () => {
    const { accountId } = await createTestAccount();
    const response = await getStanding(
      billingRequest(`/accounts/${accountId}/standing`, { token }),
      accountContext(accountId),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    const body = (await response.json()) as Record<string, string>;
    // The $5 welcome credit sits exactly on the default $5 low threshold, yet a new account starts
    // "active": the welcome credit is not a crossing (DESIGN section 6, issue 17).
    expect(body).toEqual({
      account: accountId,
      state: "active",
      balance_micros: "5000000",
      low_threshold_micros: "5000000",
      floor_micros: "-5000000",
      as_of: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string,
      // Issue 19 (API 1.1.0): each space's standing; this account has none yet.
      spaces: [],
    });
    expect(Math.abs(Date.parse(body.as_of!) - Date.now())).toBeLessThan(60_000);
  });

  it("answers 404 for an unknown account, 400 for something that is not an account id", async () => {
    for (const [account, status, code] of [
      ["acct_doesnotexist0000000", 404, "not_found"],
      ["not-an-id", 400, "validation_failed"],
    ] as const) {
      const response = await getStanding(
        billingRequest(`/accounts/${account}/standing`, { token }),
        accountContext(account),
      );
      expect(response.status).toBe(status);
      expect(((await response.json()) as ErrorBody).error.code).toBe(code);
    }
  });
});

describe("GET /api/billing/v1/accounts/{account}/usage", () => {
  let account: TestAccount;
  beforeAll(async () => {
    account = await createTestAccount();
    const records = [
      { space: "whiteboard", hour: hourAgo(1), cpu_ms: 3_600_001, messages: 333_333 },
      { space: "whiteboard", hour: hourAgo(1), cpu_ms: 1_799_999, bandwidth_bytes: 777_777_777 },
      { space: "chess-club", hour: hourAgo(1), cpu_ms: 12_345, memory_bytes: 1_610_612_736 },
      { space: "chess-club", hour: hourAgo(3), messages: 1_000_001, third_party_calls: 7 },
    ].map((fields) => ({ id: `rec-${randomUUID()}`, account: account.accountId, ...fields }));
    const response = await postUsage(billingRequest("/usage", { token, body: { records } }));
    expect(await response.json()).toEqual({ accepted: 4, duplicates: 0 });
  });

  it("answers hourly points by resource for the last 24 hours by default, totals equal to what was billed", async () => {
    const response = await usage(account.accountId);
    expect(response.status).toBe(200);
    const body = (await response.json()) as UsageSeries;
    expect(body).toMatchObject({ account: account.accountId, granularity: "hour", group: "resource" });
    expect(Date.parse(body.to) - Date.parse(body.from)).toBe(24 * 3_600_000);
    expect(Date.parse(body.to) % 3_600_000).toBe(0);
    expect(body.points).toContainEqual({
      start: hourAgo(1),
      key: "cpu_ms",
      units: "5412345",
      cost_micros: expect.any(String) as string,
    });
    expect(body.points).toContainEqual({
      start: hourAgo(3),
      key: "third_party_calls",
      units: "7",
      cost_micros: "1400",
    });

    const billed = await billedUsageMicros(account.accountId);
    expect(billed).toBeGreaterThan(0n);
    expect(BigInt(body.totals.cost_micros)).toBe(billed);
    expect(5_000_000n - (await cachedBalance(account.accountId))).toBe(billed);
    expect(body.points.reduce((sum, point) => sum + BigInt(point.cost_micros), 0n)).toBe(billed);
    expect(body.totals.spaces.reduce((sum, space) => sum + BigInt(space.cost_micros), 0n)).toBe(billed);
    expect(body.totals.resources.find((row) => row.resource === "messages")).toMatchObject({ units: "1333334" });
  });

  it("groups by space per resource, so units never mix", async () => {
    const body = (await (await usage(account.accountId, "?group=space")).json()) as UsageSeries;
    expect(body.group).toBe("space");
    expect(body.points).toContainEqual({
      start: hourAgo(1),
      key: "chess-club",
      resource: "memory_bytes",
      units: "1610612736",
      cost_micros: "7500",
    });
    expect(new Set(body.points.map((point) => point.key))).toEqual(new Set(["whiteboard", "chess-club"]));
    expect(body.totals.spaces.map((space) => space.space).sort()).toEqual(["chess-club", "whiteboard"]);
  });

  it("buckets by UTC day, widening the window to whole days", async () => {
    const from = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const body = (await (
      await usage(account.accountId, `?granularity=day&from=${from}&to=${to}`)
    ).json()) as UsageSeries;
    expect(Date.parse(body.from) % 86_400_000).toBe(0);
    expect(Date.parse(body.to) % 86_400_000).toBe(0);
    for (const point of body.points) expect(Date.parse(point.start) % 86_400_000).toBe(0);
    expect(body.points.reduce((sum, point) => sum + BigInt(point.cost_micros), 0n)).toBe(
      await billedUsageMicros(account.accountId),
    );
  });

  it("answers an empty series for a window without usage", async () => {
    const body = (await (
      await usage(account.accountId, "?from=2021-01-01T00:00:00Z&to=2021-01-02T00:00:00Z")
    ).json()) as UsageSeries;
    expect(body.points).toEqual([]);
    expect(body.totals).toEqual({ cost_micros: "0", resources: [], spaces: [] });
  });

  it.each([
    ["from", "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"],
    ["to", "?from=2024-01-01T00:00:00Z&to=2025-06-01T00:00:00Z"],
    ["from", "?from=yesterday"],
    ["granularity", "?granularity=minute"],
    ["group", "?group=host"],
  ])("refuses a bad %s (400)", async (field, query) => {
    const response = await usage(account.accountId, query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message.startsWith(`${field}:`)).toBe(true);
  });

  it("answers 404 for an unknown account", async () => {
    const response = await usage("acct_doesnotexist0000000");
    expect(response.status).toBe(404);
  });
});
