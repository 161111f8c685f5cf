import { describe, expect, it } from "vitest";
import { divideToDecimal, pricedQuantity } from "./price-units";

const calls = { unitLabel: "1,000 calls", priceMicros: 200_000n, perUnits: 1_000n };
const cpu = { unitLabel: "CPU-hour", priceMicros: 40_000n, perUnits: 3_600_000n };
const gb = { unitLabel: "GB", priceMicros: 50_000n, perUnits: 1_000_000_000n };

describe("usage in the price list's units", () => {
  it("writes a block-of-units label as a multiple of the block", () => {
    expect(pricedQuantity(18_950n, calls)).toMatchObject({ text: "18.95 × 1,000 calls", decimal: "18.95", isExact: true, rate: "$0.20 per 1,000 calls" });
  });

  it("writes hours in the plural unless exactly one", () => {
    expect(pricedQuantity(10_260n, cpu).text).toBe("0.00285 CPU-hours");
    expect(pricedQuantity(3_600_000n, cpu).text).toBe("1 CPU-hour");
    expect(pricedQuantity(7_200_000_000n, cpu).text).toBe("2,000 CPU-hours");
    expect(pricedQuantity(123_456_789n, gb).text).toBe("≈ 0.123457 GB");
  });

  it("rounds a quantity that does not end within six places half to even, and says so", () => {
    expect(pricedQuantity(1_234_567n, cpu)).toMatchObject({ decimal: "0.342935", isExact: false, text: "≈ 0.342935 CPU-hours" });
    expect(divideToDecimal(5n, 10_000_000n)).toMatchObject({ digits: "0", isExact: false }); // 0.0000005 → even 0
    expect(divideToDecimal(15n, 10_000_000n)).toMatchObject({ digits: "0.000002", isExact: false }); // 0.0000015 → 0.000002
  });

  it("multiplies back to the cost: quantity × price = units × price ÷ per_units, exactly when exact", () => {
    const quantity = pricedQuantity(18_950n, calls);
    const [whole, fraction = ""] = quantity.decimal.split(".");
    const scaled = BigInt(whole! + fraction.padEnd(6, "0"));
    expect((scaled * calls.priceMicros) / 1_000_000n).toBe((18_950n * calls.priceMicros) / calls.perUnits);
  });
});
