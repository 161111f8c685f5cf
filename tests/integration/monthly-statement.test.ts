// The monthly statement PDF (issue 20) against the statement page on real Postgres: its totals for a
// month equal the page's lines of that month to the micro-dollar (last month: usage on several spaces
// reported late; this month so far: a card top-up with its invoice, an adjustment and a refund), and
// the download's answers to a bad, a future or someone else's month.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getMonthlyStatementPdf } from "@/lib/monthly-statements/get-monthly-statement-pdf";
import { monthLabel, monthOf, monthPeriod, previousMonth } from "@/lib/monthly-statements/statement-month";
import { createTestAccount, type TestAccount } from "../support/billing-api";
import { ownerSession } from "../support/billing-contacts";
import { everyStatementLine, pageMonth, pdfAmount, pdfText } from "../support/monthly-statements";
import { billedBetween, postMovement, postTopUpWithInvoice, postUsage } from "../support/statement-fixtures";
import { getOwnAccountOrThrow } from "@/lib/account/get-own-account";

afterAll(closeDb);

const HOUR = 3_600_000;
const now = new Date();
const thisMonth = monthOf(now);
const lastMonth = previousMonth(now);
const quietMonth = previousMonth(monthPeriod(lastMonth).from);
const lastMonthHour = (day: number, hour: number) =>
  new Date(monthPeriod(lastMonth).from.getTime() + ((day - 1) * 24 + hour) * HOUR);

let account: TestAccount;
let other: TestAccount;

async function statementText(owner: TestAccount, month: string) {
  const pdf = await getMonthlyStatementPdf(getDb(), ownerSession(owner), month);
  return { ...pdf, ...(await pdfText(pdf.bytes)) };
}

beforeAll(async () => {
  [account, other] = await Promise.all([createTestAccount(), createTestAccount()]);
  // Last month: usage on three spaces, reported late (as a platform catching up does).
  for (const [space, weight] of [
    ["alpha", 3n],
    ["beta", 5n],
    ["gamma", 1n],
  ] as const) {
    await postUsage(account.accountId, space, lastMonthHour(10, 4), weight);
    await postUsage(account.accountId, space, lastMonthHour(20, 22), weight + 1n);
  }
  await postUsage(other.accountId, "delta", lastMonthHour(12, 8), 2n);
  // The last hour of the month before the month before last: the month between them has no line, and
  // opens and closes at the balance that hour left.
  await postUsage(account.accountId, "omega", new Date(monthPeriod(quietMonth).from.getTime() - HOUR), 6n);
  // This month: the welcome grant (at signup), a top-up with its invoice, usage, an adjustment, a refund.
  await postTopUpWithInvoice(account.accountId, 25_000_000n, "TST-0001");
  await postUsage(account.accountId, "alpha", monthPeriod(thisMonth).from, 7n);
  await postUsage(account.accountId, "beta", monthPeriod(thisMonth).from, 2n);
  await postMovement(account.accountId, "adjustment", 1_500_001n, "Goodwill credit");
  await postMovement(account.accountId, "refund", -3_000_000n, "Refund of a top-up");
});

describe("the monthly statement PDF", () => {
  it("gives last month's figures exactly as the statement page does, usage by space included", async () => {
    const page = pageMonth(await everyStatementLine(ownerSession(account)), lastMonth);
    const { text, filename } = await statementText(account, lastMonth);
    expect(filename).toBe(`tandem-statement-${lastMonth}.pdf`);
    expect(text).toContain(`Statement for ${monthLabel(lastMonth)}`);
    expect(text).not.toContain("so far");
    expect(pdfAmount(text, "Opening balance")).toBe(page.opening);
    expect(pdfAmount(text, "Credits")).toBe(page.credits);
    expect(pdfAmount(text, "Usage")).toBe(page.usage);
    expect(pdfAmount(text, "Refunds, disputes and adjustments")).toBe(page.other);
    expect(pdfAmount(text, "Closing balance")).toBe(page.closing);
    // The page's usage is ingestion's: what the month's hours were billed, to the micro-dollar.
    const { from, to } = monthPeriod(lastMonth);
    expect(page.usage).toBe(-(await billedBetween(account.accountId, from, to)));
    expect(page.spaces.size).toBe(3);
    for (const [space, cost] of page.spaces) expect(pdfAmount(text, space), space).toBe(-cost);
    expect(page.opening + page.credits + page.usage + page.other).toBe(page.closing);
  });

  it("gives this month so far with each top-up's invoice, the adjustment and the refund, closing at the balance now", async () => {
    const session = ownerSession(account);
    const lines = await everyStatementLine(session);
    const page = pageMonth(lines, thisMonth);
    const { text } = await statementText(account, thisMonth);
    expect(text).toContain(`Statement for ${monthLabel(thisMonth)}, so far`);
    expect(text).toContain("TST-0001");
    expect(text).toContain("Goodwill credit");
    expect(pdfAmount(text, "Opening balance")).toBe(page.opening);
    expect(pdfAmount(text, "Opening balance")).toBe(pageMonth(lines, lastMonth).closing);
    expect(pdfAmount(text, "Credits")).toBe(page.credits);
    expect(page.credits).toBe(25_000_000n + 5_000_000n); // the top-up and the welcome grant
    expect(pdfAmount(text, "Refunds, disputes and adjustments")).toBe(1_500_001n - 3_000_000n);
    expect(pdfAmount(text, "Usage")).toBe(page.usage);
    expect(pdfAmount(text, "Closing balance")).toBe(page.closing);
    expect(page.closing).toBe((await getOwnAccountOrThrow(getDb(), session)).balanceMicros);
  });

  it("a month without activity opens and closes at the balance the month before left", async () => {
    const lines = await everyStatementLine(ownerSession(account));
    const { text } = await statementText(account, quietMonth);
    expect(text).toContain("No activity this month");
    expect(text).not.toContain("omega");
    const before = pageMonth(lines, previousMonth(monthPeriod(quietMonth).from));
    expect(before.closing).toBeLessThan(0n); // the omega hour's cost
    expect(pdfAmount(text, "Opening balance")).toBe(before.closing);
    expect(pdfAmount(text, "Closing balance")).toBe(before.closing);
    expect(pageMonth(lines, quietMonth).closing).toBe(before.closing);
  });

  it("shows only the session's own account", async () => {
    const { text } = await statementText(other, lastMonth);
    expect(text).toContain(other.accountId);
    expect(text).not.toContain(account.accountId);
    expect(text).toContain("delta");
    expect(text).not.toContain("alpha");
    const page = pageMonth(await everyStatementLine(ownerSession(other)), lastMonth);
    expect(pdfAmount(text, "Closing balance")).toBe(page.closing);
  });

  it("answers a month not in YYYY-MM with a 400 and a month not yet begun with a 404", async () => {
    const codeOf = async (month: unknown, owner: TestAccount = account) => {
      const error = await getMonthlyStatementPdf(getDb(), ownerSession(owner), month).catch(
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).code;
    };
    for (const bad of ["2026-13", "2026-1", "../etc", "2026-11-01", "", undefined, "9999-99"])
      expect(await codeOf(bad), String(bad)).toBe("validation_failed");
    const next = monthOf(new Date(monthPeriod(thisMonth).to.getTime() + HOUR));
    expect(await codeOf(next)).toBe("not_found");
    // A sign-in without a billing account has no statement.
    const stranger = { ...account, userId: `user-${crypto.randomUUID()}` };
    expect(await codeOf(lastMonth, stranger)).toBe("not_found");
  });
});
