import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getStanding } from "@/app/api/billing/v1/accounts/[account]/standing/route";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import { cardForHour, listRateCards } from "@/lib/billing/rate-cards";
import { RESOURCES } from "@/lib/billing/resources";
import { rateUnits } from "@/lib/billing/rate-units";
import { getDb } from "@/lib/db/client";
import {
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

type RecordBody = Record<string, unknown> & { id: string; account: string };

function record(account: string, overrides: Record<string, unknown> = {}): RecordBody {
  return {
    id: `rec-${randomUUID()}`,
    account,
    space: "whiteboard",
    hour: hourAgo(1),
    cpu_ms: 60_000,
    messages: 1_200,
    ...overrides,
  };
}

function send(body: unknown) {
  return postUsage(billingRequest("/usage", { token, body }));
}

async function standing(accountId: string) {
  const response = await getStanding(
    billingRequest(`/accounts/${accountId}/standing`, { token }),
    accountContext(accountId),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as { state: string; balance_micros: string };
}

describe("POST /api/billing/v1/usage", () => {
  it("accepts a batch and answers how many records were accepted and duplicated", async () => {
    const { accountId } = await createTestAccount();
    const records = [
      record(accountId),
      record(accountId, { space: "chess-club", memory_bytes: "2147483648" }),
      record(accountId, { hour: hourAgo(2) }),
    ];
    const response = await send({ records });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform"); // small answers skip compression (lib/http/json-response)
    expect(await response.json()).toEqual({ accepted: 3, duplicates: 0 });
    expect(await meterRecordCount(accountId)).toBe(3);
  });

  it("counts a resent record as a duplicate and bills it once", async () => {
    const { accountId } = await createTestAccount();
    const first = record(accountId);
    expect(await (await send({ records: [first] })).json()).toEqual({ accepted: 1, duplicates: 0 });
    const balance = await cachedBalance(accountId);
    const again = await send({ records: [first, record(accountId)] });
    expect(await again.json()).toEqual({ accepted: 1, duplicates: 1 });
    const within = await send({ records: [{ ...first }, { ...first }] });
    expect(await within.json()).toEqual({ accepted: 0, duplicates: 2 });
    expect(await meterRecordCount(accountId)).toBe(2);
    expect(await cachedBalance(accountId)).toBeLessThan(balance);
  });

  it("refuses (409) a reused id with other content, storing nothing from the batch", async () => {
    const { accountId } = await createTestAccount();
    const first = record(accountId);
    await send({ records: [first] });
    const balance = await cachedBalance(accountId);
    const response = await send({ records: [record(accountId), { ...first, cpu_ms: 61_000 }] });
    expect(response.status).toBe(409);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("idempotency_conflict");
    expect(body.error.details).toMatchObject({ record: 1, id: first.id });
    expect(await meterRecordCount(accountId)).toBe(1);
    expect(await cachedBalance(accountId)).toBe(balance);
  });

  it.each([
    ["cpu_ms", { cpu_ms: -1 }],
    ["cpu_ms", { cpu_ms: 1.5 }],
    ["messages", { messages: Number.MAX_SAFE_INTEGER + 2 }],
    ["messages", { messages: "12e3" }],
    ["bandwidth_bytes", { bandwidth_bytes: "99999999999999999999" }],
    ["third_party_calls", { third_party_calls: "1000000000000001" }],
    ["hour", { hour: "2026-01-01T10:30:00Z" }],
    ["hour", { hour: "2026-01-01T10:00:00" }],
    ["hour", { hour: new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 13) + ":00:00Z" }],
    ["account", { account: "customer-1" }],
    ["space", { space: "" }],
    ["space", { space: "a".repeat(101) }],
    ["space", { space: "my space" }],
    ["id", { id: "" }],
    ["id", { id: "x".repeat(201) }],
    ["colour", { colour: "blue" }],
  ])("refuses a bad %s (400) naming the record and field, storing nothing", async (field, overrides) => {
    const { accountId } = await createTestAccount();
    const records = [record(accountId), record(accountId), record(accountId), record(accountId, overrides)];
    const response = await send({ records });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toContain(`records[3].${field}`);
    expect(body.error.details).toMatchObject({ record: 3, field });
    expect(body.error.details?.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: `records[3].${field}` })]),
    );
    expect(await meterRecordCount(accountId)).toBe(0);
  });

  it("refuses a body that is not a batch", async () => {
    for (const body of [{}, { records: {} }, [], { records: [], extra: true }]) {
      const response = await send(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe("validation_failed");
    }
    const broken = await postUsage(billingRequest("/usage", { token, rawBody: '{"records": [' }));
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as ErrorBody).error.code).toBe("bad_request");
  });

  it("accepts counters as decimal strings up to the 10^15 cap and omitted counters as 0", async () => {
    const { accountId } = await createTestAccount();
    const response = await send({
      records: [
        {
          id: `rec-${randomUUID()}`,
          account: accountId,
          space: "s",
          hour: hourAgo(3),
          bandwidth_bytes: "1000000000000000",
        },
      ],
    });
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it("refuses (413) more than 1,000 records before validating any, storing nothing", async () => {
    const { accountId } = await createTestAccount();
    const records = Array.from({ length: 1_001 }, () => record(accountId, { cpu_ms: -1 }));
    const response = await send({ records });
    expect(response.status).toBe(413);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.details).toMatchObject({ max_records: 1_000, records: 1_001 });
    expect(await meterRecordCount(accountId)).toBe(0);
  });

  it("accepts exactly 1,000 records", async () => {
    const { accountId } = await createTestAccount();
    const records = Array.from({ length: 1_000 }, (_, index) => record(accountId, { space: `s-${index % 7}` }));
    expect(await (await send({ records })).json()).toEqual({ accepted: 1_000, duplicates: 0 });
    expect(await meterRecordCount(accountId)).toBe(1_000);
  });

  it("refuses (413) a body over 2 MB", async () => {
    const { accountId } = await createTestAccount();
    const rawBody = JSON.stringify({ records: [record(accountId, { id: "x".repeat(3 * 1024 * 1024) })] });
    const response = await postUsage(billingRequest("/usage", { token, rawBody }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe("payload_too_large");
    expect(await meterRecordCount(accountId)).toBe(0);
  });

  it("refuses (404) a batch naming an unknown account, storing nothing for the known one", async () => {
    const { accountId } = await createTestAccount();
    const balance = await cachedBalance(accountId);
    const response = await send({ records: [record(accountId), record("acct_doesnotexist0000000")] });
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toContain("acct_doesnotexist0000000");
    expect(body.error.details).toMatchObject({ record: 1, field: "account" });
    expect(await meterRecordCount(accountId)).toBe(0);
    expect(await cachedBalance(accountId)).toBe(balance);
  });
});

describe("standing after usage", () => {
  it("drops the balance by exactly the rated cost, at once", async () => {
    const { accountId } = await createTestAccount();
    const before = await standing(accountId);
    expect(before).toMatchObject({ state: "active", balance_micros: "5000000" });
    const usage = {
      cpu_ms: 7_300_001,
      memory_bytes: 3_221_225_472,
      connections: 37,
      messages: 123_457,
      bandwidth_bytes: "1500000001",
      third_party_calls: 3,
    };
    const hour = hourAgo(4);
    await send({ records: [{ id: `rec-${randomUUID()}`, account: accountId, space: "whiteboard", hour, ...usage }] });

    const card = cardForHour(await listRateCards(getDb()), new Date(hour))!;
    let expected = 0n;
    for (const resource of RESOURCES) {
      const units = (usage as Record<string, number | string | undefined>)[resource];
      if (units !== undefined) expected += rateUnits(card.entries.get(resource)!, BigInt(units), 0n).micros;
    }
    expect(expected).toBeGreaterThan(0n);
    const after = await standing(accountId);
    expect(BigInt(before.balance_micros) - BigInt(after.balance_micros)).toBe(expected);
  });

  it("freezes an account whose usage takes it past its floor", async () => {
    const { accountId } = await createTestAccount();
    // 1,000,000,000 ms ≈ 278 CPU-hours ≈ $11.11 on the v1 card: past the $5 credit and the -$5 floor.
    await send({ records: [record(accountId, { cpu_ms: 1_000_000_000 })] });
    const after = await standing(accountId);
    expect(after.state).toBe("frozen");
    expect(BigInt(after.balance_micros)).toBeLessThanOrEqual(-5_000_000n);
  });
});
