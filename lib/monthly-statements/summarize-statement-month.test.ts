import { describe, expect, it } from "vitest";
import { buildStatementLines, type StatementMovement, type UsagePiece } from "@/lib/account/statement-lines";
import { summarizeStatementMonth } from "./summarize-statement-month";

const movement = (
  entryId: number,
  at: string,
  kind: StatementMovement["kind"],
  amountMicros: bigint,
): StatementMovement => ({
  entryId: BigInt(entryId),
  at: new Date(at),
  kind,
  description: null,
  amountMicros,
  receiptUrl: null,
});

const piece = (day: string, segment: number, spaceName: string, costMicros: bigint): UsagePiece => ({
  day,
  segment,
  spaceName,
  firstHour: new Date(`${day}T01:00:00Z`),
  lastHour: new Date(`${day}T02:00:00Z`),
  costMicros,
});

describe("a month's figures from the statement page's lines", () => {
  it("open + credits + usage + the rest = close, to the micro-dollar, with usage by space from the lines", () => {
    const movements = [
      movement(1, "2026-11-02T10:00:00Z", "top_up", 25_000_000n),
      movement(2, "2026-11-05T10:00:00Z", "adjustment", 1_500_001n),
      movement(3, "2026-11-09T10:00:00Z", "refund", -10_000_000n),
      movement(4, "2026-11-10T10:00:00Z", "grant", 5_000_000n),
    ];
    const pieces = [
      piece("2026-11-03", 1, "alpha", 1_234_567n),
      piece("2026-11-03", 1, "beta", 7n),
      piece("2026-11-06", 2, "alpha", 333_333n),
      piece("2026-11-12", 4, "gamma", 2_000_000n),
    ];
    const closing = 40_000_000n;
    const lines = buildStatementLines(movements, pieces, closing);
    const figures = summarizeStatementMonth(lines, 999n);
    expect(figures.closingMicros).toBe(closing);
    expect(figures.creditsMicros).toBe(30_000_000n);
    expect(figures.credits.map((credit) => credit.kind)).toEqual(["top_up", "grant"]);
    expect(figures.usageBySpace).toEqual([
      { name: "gamma", costMicros: 2_000_000n },
      { name: "alpha", costMicros: 1_567_900n },
      { name: "beta", costMicros: 7n },
    ]);
    expect(figures.usageMicros).toBe(-3_567_907n);
    expect(figures.otherMicros).toBe(-8_499_999n);
    expect(figures.openingMicros + figures.creditsMicros + figures.usageMicros + figures.otherMicros).toBe(
      figures.closingMicros,
    );
    expect(figures.openingMicros).toBe(closing - 30_000_000n + 3_567_907n + 8_499_999n);
  });

  it("count a write-off in usage, whether folded into a usage line or on its own", () => {
    const folded = buildStatementLines(
      [movement(1, "2026-11-03T05:00:00Z", "usage_write_off", 400n)],
      [piece("2026-11-03", 0, "alpha", 1_000n)],
      -5_000_000n,
    );
    const foldedFigures = summarizeStatementMonth(folded, 0n);
    expect(foldedFigures.usageMicros).toBe(-600n);
    expect(foldedFigures.writtenOffMicros).toBe(400n);
    expect(foldedFigures.usageRatedMicros).toBe(1_000n);
    const alone = buildStatementLines([movement(1, "2026-11-03T05:00:00Z", "usage_write_off", 400n)], [], -5_000_000n);
    const aloneFigures = summarizeStatementMonth(alone, 0n);
    expect(aloneFigures.usageMicros).toBe(400n);
    expect(aloneFigures.openingMicros + aloneFigures.usageMicros).toBe(aloneFigures.closingMicros);
  });

  it("a month without lines opens and closes at the balance before it", () => {
    const figures = summarizeStatementMonth([], 12_345_678n);
    expect(figures).toMatchObject({
      openingMicros: 12_345_678n,
      closingMicros: 12_345_678n,
      hasActivity: false,
      usageMicros: 0n,
      creditsMicros: 0n,
    });
  });
});
