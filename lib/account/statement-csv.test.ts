import { describe, expect, it } from "vitest";
import { toStatementCsv } from "./statement-csv";

describe("toStatementCsv", () => {
  it("writes money spent and a negative balance as numbers, and defuses formula-like details", () => {
    const csv = toStatementCsv([
      {
        entryId: 7n,
        at: new Date("2026-11-29T10:00:00Z"),
        kind: "usage",
        description: "=HYPERLINK(\"http://evil\")",
        amountMicros: -12_318_354n,
        balanceAfterMicros: -1_000_000n,
        receiptUrl: null,
      },
    ]);
    const [, line] = csv.split("\r\n");
    expect(line).toBe('2026-11-29T10:00:00.000Z,usage,"\'=HYPERLINK(""http://evil"")",-12.318354,-12318354,-1.000000,-1000000,');
  });
});
