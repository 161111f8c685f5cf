// The input policy on the billing API (issue 15, points 2 and 6): ill-formed Unicode, invalid UTF-8,
// control characters and dates outside the site's era are the caller's 400, never a 500, and change nothing.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getAccounts } from "@/app/api/billing/v1/accounts/route";
import { GET as getStanding } from "@/app/api/billing/v1/accounts/[account]/standing/route";
import { GET as getUsage } from "@/app/api/billing/v1/accounts/[account]/usage/route";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import {
  BASE_URL,
  accountContext,
  billingRequest,
  cachedBalance,
  createTestAccount,
  hourAgo,
  meterRecordCount,
  platformTokenForThisFile,
  type ErrorBody,
} from "@/tests/support/billing-api";

const token = await platformTokenForThisFile();

function record(account: string, overrides: Record<string, unknown> = {}) {
  return { id: `rec-${randomUUID()}`, account, space: "whiteboard", hour: hourAgo(1), cpu_ms: 60_000, ...overrides };
}

function sendBytes(bytes: Uint8Array<ArrayBuffer>) {
  return postUsage(
    new Request(`${BASE_URL}/usage`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: bytes,
    }),
  );
}

async function expectRefused(response: Response, code = "validation_failed"): Promise<ErrorBody> {
  expect(response.status).toBe(400);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  return body;
}

describe("POST /usage: ill-formed text", () => {
  it("refuses a record id holding a lone surrogate, and the identical retry too, storing nothing", async () => {
    const { accountId } = await createTestAccount();
    const balance = await cachedBalance(accountId);
    // JSON.stringify writes the lone surrogate as the escape \ud800, as a client would send it.
    const body = { records: [record(accountId, { id: "x\ud800" })] };
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = await expectRefused(await postUsage(billingRequest("/usage", { token, body })));
      expect(refused.error.message).toContain("records[0].id");
      expect(refused.error.message).toContain("well-formed Unicode");
    }
    expect(await meterRecordCount(accountId)).toBe(0);
    expect(await cachedBalance(accountId)).toBe(balance);
  });

  it("refuses C1 control characters in an id, as the shared text policy does", async () => {
    const { accountId } = await createTestAccount();
    const body = { records: [record(accountId, { id: "rec\u009b1" })] };
    const refused = await expectRefused(await postUsage(billingRequest("/usage", { token, body })));
    expect(refused.error.message).toContain("control characters");
    expect(await meterRecordCount(accountId)).toBe(0);
  });

  it("refuses a lone surrogate in a space name", async () => {
    const { accountId } = await createTestAccount();
    const body = { records: [record(accountId, { space: "web\udc00" })] };
    const refused = await expectRefused(await postUsage(billingRequest("/usage", { token, body })));
    expect(refused.error.message).toContain("records[0].space");
    expect(await meterRecordCount(accountId)).toBe(0);
  });

  it("refuses a body that is not valid UTF-8 instead of replacing the bytes with U+FFFD", async () => {
    const { accountId } = await createTestAccount();
    const json = JSON.stringify({ records: [record(accountId, { id: "x-MARK" })] });
    const [before, after] = json.split("MARK") as [string, string];
    // 0xFF never occurs in UTF-8; 0xED 0xA0 0x80 is a surrogate encoded in UTF-8 (CESU), also invalid.
    for (const bad of [[0xff], [0xed, 0xa0, 0x80], [0xc3]]) {
      const bytes = new Uint8Array(Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)]));
      const refused = await expectRefused(await sendBytes(bytes), "bad_request");
      expect(refused.error.message).toContain("UTF-8");
    }
    expect(await meterRecordCount(accountId)).toBe(0);
  });

  it("still accepts well-formed non-ASCII ids (emoji, accents)", async () => {
    const { accountId } = await createTestAccount();
    const body = { records: [record(accountId, { id: `ünïcødé-🚀-${randomUUID()}` })] };
    const response = await sendBytes(new TextEncoder().encode(JSON.stringify(body)));
    expect(response.status).toBe(200);
    expect(await meterRecordCount(accountId)).toBe(1);
  });
});

describe("path and query parameters", () => {
  it("refuses (400) a malformed account in the path, NUL and control characters included", async () => {
    for (const account of ["acct_a\u0000b", "acct_\u0001", "x\ud800", "acct_a b", "a".repeat(500)]) {
      for (const route of ["standing", "usage"] as const) {
        const handler = route === "standing" ? getStanding : getUsage;
        // Next hands the handler the decoded segment; the URL itself plays no part in the check.
        const request = billingRequest(`/accounts/acct_placeholder/${route}`, { token });
        const refused = await expectRefused(await handler(request, accountContext(account)));
        expect(refused.error.message).toContain("account");
      }
    }
  });

  it("refuses (400) control characters and ill-formed text in ?email=", async () => {
    // (A lone surrogate cannot arrive here: URLSearchParams decodes to well-formed text.)
    for (const email of ["a\u0000@example.com", "a@exa\u0007mple.com", "a\u0085b@example.com", "%ZZ"]) {
      const request = billingRequest(`/accounts?email=${encodeURIComponent(email)}`, { token });
      const refused = await expectRefused(await getAccounts(request));
      expect(refused.error.message).toContain("email");
    }
    // A raw %00 in the query string is decoded to NUL by URLSearchParams.
    await expectRefused(await getAccounts(billingRequest("/accounts?email=a%00@example.com", { token })));
  });

  it("refuses (400) years 0000 and 9999 and control characters in usage ranges", async () => {
    const { accountId } = await createTestAccount();
    const queries = [
      "?from=0000-01-01T00:00:00Z&to=9999-12-31T23:59:59Z",
      "?from=0000-01-01T00:00:00Z",
      "?to=9999-12-31T00:00:00Z",
      "?from=9999-01-01T00:00:00Z&to=9999-01-02T00:00:00Z",
      "?from=2026-01-01T00:00:00Z%00",
      "?granularity=hour%00",
      "?group=space%00",
      "?granularity=%E0%A4%A",
    ];
    for (const query of queries) {
      const request = billingRequest(`/accounts/${accountId}/usage${query}`, { token });
      const refused = await expectRefused(await getUsage(request, accountContext(accountId)));
      expect(refused.error.details?.fields).toBeDefined();
    }
  });
});
