// Late usage (issue 15, point 13): a record for an hour more than USAGE_MAX_LATENESS_DAYS (default 35)
// before the current hour is refused with a 400 that names the bound and each late record, and the
// OpenAPI document states the bound.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/billing/v1/openapi.json/route";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import { getEnv } from "@/lib/env";
import {
  billingRequest,
  cachedBalance,
  createTestAccount,
  hourAgo,
  meterRecordCount,
  platformTokenForThisFile,
  type ErrorBody,
} from "@/tests/support/billing-api";

const token = await platformTokenForThisFile();

const BOUND_HOURS = 35 * 24;

function record(account: string, hour: string) {
  return { id: `late-${randomUUID()}`, account, space: "whiteboard", hour, cpu_ms: 3_600_000 };
}

describe("POST /usage: the lateness bound", () => {
  it("uses 35 days unless USAGE_MAX_LATENESS_DAYS says otherwise", () => {
    expect(getEnv().usageMaxLatenessDays).toBe(35);
  });

  it("accepts usage exactly 35 days before the current hour", async () => {
    const { accountId } = await createTestAccount();
    const body = { records: [record(accountId, hourAgo(BOUND_HOURS))] };
    const response = await postUsage(billingRequest("/usage", { token, body }));
    expect(response.status).toBe(200);
    expect(await meterRecordCount(accountId)).toBe(1);
  });

  it("refuses (400) a batch with older records, naming the bound and each late record, storing nothing", async () => {
    const { accountId } = await createTestAccount();
    const balance = await cachedBalance(accountId);
    const records = [
      record(accountId, hourAgo(1)),
      record(accountId, hourAgo(BOUND_HOURS + 1)),
      record(accountId, "2020-01-01T00:00:00Z"),
    ];
    const response = await postUsage(billingRequest("/usage", { token, body: { records } }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain("records[1].hour");
    expect(error.message).toContain("35 days");
    expect(error.details).toMatchObject({
      record: 1,
      field: "hour",
      max_lateness_days: 35,
      earliest_hour: hourAgo(BOUND_HOURS),
      fields: [
        { path: "records[1].hour", id: records[1]!.id, hour: records[1]!.hour },
        { path: "records[2].hour", id: records[2]!.id, hour: "2020-01-01T00:00:00.000Z" },
      ],
    });
    expect(await meterRecordCount(accountId)).toBe(0);
    expect(await cachedBalance(accountId)).toBe(balance);
  });

  it("states the bound in the OpenAPI document", async () => {
    const doc = (await (await getOpenApi(billingRequest("/openapi.json"))).json()) as {
      paths: { "/usage": { post: { description: string; "x-max-lateness-days": number } } };
    };
    expect(doc.paths["/usage"].post.description).toContain("at most 35 days before the current hour");
    expect(doc.paths["/usage"].post["x-max-lateness-days"]).toBe(35);
  });
});
