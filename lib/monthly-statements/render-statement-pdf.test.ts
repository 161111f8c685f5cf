import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import type { MonthlyStatement } from "./read-monthly-statement";
import { amountText, renderStatementPdf } from "./render-statement-pdf";

const issuer = { name: "Example Hosting Ltd", contactEmail: "help@example.test" };

function statementWith(spaces: number): MonthlyStatement {
  const usageBySpace = Array.from({ length: spaces }, (_, index) => ({
    name: index === 0 ? "空間 🚀 board" : `space-${String(index).padStart(3, "0")}`,
    costMicros: BigInt(1_000_001 + index),
  }));
  const usageRatedMicros = usageBySpace.reduce((sum, space) => sum + space.costMicros, 0n);
  return {
    accountId: "acct_test",
    ownerEmail: "owner@example.test",
    month: "2026-11",
    isPartial: false,
    asOf: new Date("2026-12-01T06:00:00Z"),
    invoices: new Map([[7n, { number: "INV-0042", isAutoRecharge: true }]]),
    figures: {
      openingMicros: 5_000_000n,
      closingMicros: 5_000_000n + 25_000_000n - usageRatedMicros - 1_234_567n,
      credits: [
        {
          entryId: 7n,
          at: new Date("2026-11-02T10:00:00Z"),
          kind: "top_up",
          description: "Auto-recharge to $30.00",
          amountMicros: 25_000_000n,
        },
      ],
      creditsMicros: 25_000_000n,
      usageBySpace,
      usageRatedMicros,
      writtenOffMicros: 0n,
      usageMicros: -usageRatedMicros,
      otherMovements: [
        {
          entryId: 9n,
          at: new Date("2026-11-09T10:00:00Z"),
          kind: "refund",
          description: null,
          amountMicros: -1_234_567n,
        },
      ],
      otherMicros: -1_234_567n,
      hasActivity: true,
    },
  };
}

async function textOf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text };
}

describe("the monthly statement PDF", () => {
  it("names the company, the account and the month, and prints every total with its exact micro-dollars", async () => {
    const statement = statementWith(3);
    const { pages, text } = await textOf(await renderStatementPdf(statement, issuer));
    expect(pages).toBe(1);
    expect(text).toContain("Example Hosting Ltd");
    expect(text).toContain("Statement for November 2026");
    expect(text).toContain("acct_test");
    expect(text).toContain("days in UTC");
    expect(text).toContain("INV-0042");
    expect(text).toContain("Auto-recharge");
    expect(text).toContain(amountText(statement.figures.closingMicros));
    expect(text).toContain(amountText(statement.figures.usageMicros, { plusSign: true }));
    expect(text).toContain("(exact -$1.234567)");
  });

  it("runs onto more pages for 100 spaces, lists each of them, and draws a name the font cannot as '?'", async () => {
    const { pages, text } = await textOf(await renderStatementPdf(statementWith(100), issuer));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain("space-099");
    expect(text).toContain("?? ? board");
  });

  it("says a month without activity did not change the balance", async () => {
    const statement = statementWith(0);
    statement.figures = {
      ...statement.figures,
      credits: [],
      creditsMicros: 0n,
      otherMovements: [],
      otherMicros: 0n,
      usageMicros: 0n,
      usageRatedMicros: 0n,
      closingMicros: 5_000_000n,
      hasActivity: false,
    };
    const { text } = await textOf(await renderStatementPdf(statement, issuer));
    expect(text).toContain("No activity this month");
    expect(text.match(/\$5\.00/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it("writes amounts as the statement page does: cents, and the exact value only when cents hide it", () => {
    expect(amountText(25_000_000n, { plusSign: true })).toBe("+$25.00");
    expect(amountText(-1_000_001n)).toBe("-$1.00 (exact -$1.000001)");
    expect(amountText(15_000n)).toBe("$0.02 (exact $0.015000)");
  });
});
