import { describe, expect, it } from "vitest";
import { buildStatementLines, formatHours, type StatementMovement, type UsagePiece } from "./statement-lines";

const hour = (iso: string) => new Date(`${iso}:00:00.000Z`);

function piece(day: string, segment: number, spaceName: string, first: string, last: string, costMicros: bigint): UsagePiece {
  return { day, segment, spaceName, firstHour: hour(first), lastHour: hour(last), costMicros };
}

function movement(entryId: bigint, kind: StatementMovement["kind"], amountMicros: bigint, at: string): StatementMovement {
  return { entryId, at: new Date(at), kind, description: null, amountMicros, receiptUrl: null };
}

describe("buildStatementLines", () => {
  it("makes one usage line per UTC day and stretch between movements, newest first, adding up to the closing balance", () => {
    const movements = [movement(1n, "grant", 5_000_000n, "2026-12-01T08:30:00Z"), movement(2n, "top_up", 25_000_000n, "2026-12-02T12:10:00Z")];
    const pieces = [
      piece("2026-12-01", 1, "alpha", "2026-12-01T09", "2026-12-01T23", 1_000_001n),
      piece("2026-12-01", 1, "beta", "2026-12-01T10", "2026-12-01T12", 2n),
      piece("2026-12-02", 1, "alpha", "2026-12-02T00", "2026-12-02T10", 500_000n),
      piece("2026-12-02", 2, "alpha", "2026-12-02T12", "2026-12-02T13", 250_000n),
    ];
    const closing = 5_000_000n + 25_000_000n - 1_000_003n - 500_000n - 250_000n;
    const lines = buildStatementLines(movements, pieces, closing);
    expect(lines.map((line) => (line.type === "usage" ? `usage ${line.day} ${formatHours(line.firstHour, line.lastHour)}` : line.movement.kind))).toEqual([
      "usage 2026-12-02 12:00–13:59 UTC",
      "top_up",
      "usage 2026-12-02 00:00–10:59 UTC",
      "usage 2026-12-01 09:00–23:59 UTC",
      "grant",
    ]);
    expect(lines[0]!.balanceAfterMicros).toBe(closing);
    // Opening balance (0) + every line = the closing balance, and each line's balance follows the one before.
    expect(lines.reduce((sum, line) => sum + line.amountMicros, 0n)).toBe(closing);
    lines.forEach((line, index) => {
      const older = lines[index + 1];
      expect(line.balanceAfterMicros - line.amountMicros).toBe(older ? older.balanceAfterMicros : 0n);
    });
    const dayOne = lines[3]!;
    expect(dayOne.type === "usage" && dayOne.spaces.map((space) => [space.name, space.costMicros])).toEqual([
      ["alpha", 1_000_001n],
      ["beta", 2n],
    ]);
  });

  it("folds a write-off into the usage before it: charged on the usage line, not charged on its own line, balance unmoved", () => {
    const movements = [movement(1n, "grant", 1_000_000n, "2026-12-01T00:10:00Z"), movement(2n, "usage_write_off", 3_000_000n, "2026-12-01T05:00:00Z")];
    const pieces = [piece("2026-12-01", 1, "alpha", "2026-12-01T01", "2026-12-01T03", 9_000_000n)];
    const closing = 1_000_000n - 9_000_000n + 3_000_000n;
    const [writeOff, usage, grant] = buildStatementLines(movements, pieces, closing);
    expect(writeOff).toMatchObject({ type: "movement", amountMicros: 0n, balanceAfterMicros: closing });
    expect(usage).toMatchObject({ type: "usage", amountMicros: -6_000_000n, ratedMicros: 9_000_000n, writtenOffMicros: 3_000_000n, balanceAfterMicros: closing });
    expect(grant).toMatchObject({ balanceAfterMicros: 1_000_000n });
  });

  it("says the hours a line covers from the first hour's start to the last hour's end", () => {
    expect(formatHours(hour("2026-12-01T00"), hour("2026-12-01T23"))).toBe("00:00–23:59 UTC");
    expect(formatHours(hour("2026-12-01T09"), hour("2026-12-01T09"))).toBe("09:00–09:59 UTC");
  });
});
