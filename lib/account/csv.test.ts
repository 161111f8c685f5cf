import { describe, expect, it } from "vitest";
import { microsToDecimal, toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"'], ["=SUM(A1)", 5n], [null, "plain"]])).toBe(
      'a,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),5\r\n,plain\r\n',
    );
  });
});

describe("microsToDecimal", () => {
  it("is exact in both signs", () => {
    expect(microsToDecimal(1_234_567n)).toBe("1.234567");
    expect(microsToDecimal(-5n)).toBe("-0.000005");
    expect(microsToDecimal(0n)).toBe("0.000000");
  });
});
