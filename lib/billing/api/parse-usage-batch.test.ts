import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseUsageBatchOrThrow } from "./parse-usage-batch";

const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000).toISOString();
const base = { id: "r1", account: "acct_abc", space: "web", hour };

function refusal(body: unknown): AppError {
  try {
    parseUsageBatchOrThrow(body);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parseUsageBatchOrThrow", () => {
  it("turns a batch into meter records with numeric counters (safe integers), omitted counters 0", () => {
    const [record] = parseUsageBatchOrThrow({
      records: [{ ...base, cpu_ms: 12, storage_bytes: "1000000000000000" }],
    });
    expect(record).toEqual({
      id: "r1",
      account: "acct_abc",
      space: "web",
      hour: new Date(hour),
      usage: {
        cpu_ms: 12,
        memory_bytes: 0,
        connections: 0,
        documents: 0,
        messages: 0,
        bandwidth_bytes: 0,
        storage_bytes: 1_000_000_000_000_000,
        first_party_calls: 0,
        third_party_calls: 0,
      },
    });
  });

  it("accepts an instant on the hour written with an offset", () => {
    // The same hour as `hour`, written in UTC+02:00.
    const withOffset = `${new Date(Date.parse(hour) + 2 * 3_600_000).toISOString().slice(0, 19)}.000+02:00`;
    const [record] = parseUsageBatchOrThrow({ records: [{ ...base, hour: withOffset }] });
    expect(record!.hour.toISOString()).toBe(hour);
  });

  it("refuses records older than the lateness bound, naming the bound and every late record", () => {
    const now = Date.parse(hour) + 3_600_000 + 1_234;
    const daysAgo = (days: number, extraHours = 0) =>
      new Date(Date.parse(hour) + 3_600_000 - days * 86_400_000 - extraHours * 3_600_000).toISOString();
    const onTime = { ...base, id: "on-time", hour: daysAgo(35) };
    expect(parseUsageBatchOrThrow({ records: [onTime] }, { maxLatenessDays: 35, now })).toHaveLength(1);
    const late = { ...base, id: "late", hour: daysAgo(35, 1) };
    const older = { ...base, id: "older", hour: "2020-01-01T00:00:00Z" };
    const error = (() => {
      try {
        parseUsageBatchOrThrow({ records: [onTime, late, older] }, { maxLatenessDays: 35, now });
      } catch (caught) {
        return caught as AppError;
      }
      throw new Error("expected a refusal");
    })();
    expect(error.code).toBe("validation_failed");
    expect(error.message).toMatch(/^records\[1\]\.hour: must be at most 35 days before the current hour .*\(and 1 more\)/);
    expect(error.details).toMatchObject({
      record: 1,
      field: "hour",
      max_lateness_days: 35,
      earliest_hour: daysAgo(35),
      fields: [
        { path: "records[1].hour", id: "late" },
        { path: "records[2].hour", id: "older" },
      ],
    });
    // The bound is configurable: a 40-day bound takes the same late record.
    expect(parseUsageBatchOrThrow({ records: [late] }, { maxLatenessDays: 40, now })).toHaveLength(1);
  });

  it.each([
    ["storage_bytes", "1000000000000001"],
    ["storage_bytes", "9223372036854775808"],
    ["cpu_ms", "-5"],
    ["cpu_ms", "007"],
    ["cpu_ms", null],
    ["cpu_ms", true],
  ])("refuses %s = %j, naming the record and field", (field, value) => {
    const error = refusal({ records: [base, { ...base, id: "r2", [field]: value }] });
    expect(error.code).toBe("validation_failed");
    expect(error.message).toMatch(new RegExp(`^records\\[1\\]\\.${field}: .*Nothing was stored\\.$`));
    expect(error.details).toMatchObject({
      record: 1,
      field,
      fields: [{ path: `records[1].${field}`, record: 1, field }],
    });
  });

  it("names each unknown field and counts what it does not list", () => {
    const records = Array.from({ length: 30 }, (_, index) => ({ ...base, id: `r${index}`, extra: 1 }));
    const error = refusal({ records });
    expect(error.message).toBe("records[0].extra: unknown field (and 29 more). Nothing was stored.");
    expect(error.details).toMatchObject({ more_fields: 10 });
    expect((error.details!.fields as unknown[]).length).toBe(20);
  });

  it("checks the record count before validating records", () => {
    const error = refusal({ records: Array.from({ length: 1_001 }, () => "not a record") });
    expect(error.code).toBe("payload_too_large");
  });
});

describe("counter messages", () => {
  it("reports a counter past the safe integers once, in words a client can act on", () => {
    const error = refusal({ records: [{ ...base, cpu_ms: 2 ** 60 }] });
    expect(error.details!.fields).toEqual([
      expect.objectContaining({
        path: "records[0].cpu_ms",
        message: expect.stringContaining("a non-negative integer up to 1000000000000000, as a JSON number or a decimal string") as string,
      }),
    ]);
  });
});
