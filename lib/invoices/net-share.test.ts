import { describe, expect, it } from "vitest";
import { allocateRefundShares, netShareMicros } from "./net-share";

const taxed = { subtotalCents: 5000n, totalCents: 5950n }; // $50 of credit, 19 % VAT

describe("netShareMicros", () => {
  it("is the cents themselves when the invoice has no tax", () => {
    expect(netShareMicros(1234n, { subtotalCents: 5000n, totalCents: 5000n })).toBe(12_340_000n);
  });

  it("reverses exactly the net credit for a full refund of a taxed invoice", () => {
    expect(netShareMicros(5950n, taxed)).toBe(50_000_000n);
  });

  it("takes the net share of a partial refund, rounded down", () => {
    // 1000 × 5000 / 5950 cents = 840.3361… cents
    expect(netShareMicros(1000n, taxed)).toBe(8_403_361n);
  });
});

describe("allocateRefundShares", () => {
  it("adds up to exactly the net credit when partial refunds cover the whole payment", () => {
    const shares = allocateRefundShares(
      [
        { refundId: "re_1", cents: 1000n },
        { refundId: "re_2", cents: 1001n },
        { refundId: "re_3", cents: 3949n },
      ],
      taxed,
    );
    expect([...shares.values()].reduce((sum, micros) => sum + micros, 0n)).toBe(50_000_000n);
    expect(shares.get("re_1")).toBe(8_403_361n);
  });

  it("keeps what an earlier refund already posted and gives the rest to the new one", () => {
    const shares = allocateRefundShares(
      [
        { refundId: "re_1", cents: 1000n, postedMicros: 8_500_000n },
        { refundId: "re_2", cents: 4950n },
      ],
      taxed,
    );
    expect(shares.get("re_1")).toBe(8_500_000n);
    expect(shares.get("re_2")).toBe(41_500_000n);
  });

  it("counts what earlier refunds posted first, even when a new refund sorts before them", () => {
    // Two refunds made in the same second: the new one's id happens to sort first.
    const shares = allocateRefundShares(
      [
        { refundId: "re_A", cents: 1023n },
        { refundId: "re_B", cents: 1000n, postedMicros: 8_403_361n },
      ],
      { subtotalCents: 1700n, totalCents: 2023n },
    );
    expect(shares.get("re_A")! + shares.get("re_B")!).toBe(17_000_000n);
  });
});
