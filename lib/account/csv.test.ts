import { describe, expect, it } from "vitest";
import { microsToDecimal, toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"'], ["=SUM(A1)", 5n], [null, "plain"]])).toBe(
      'a,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),5\r\n,plain\r\n',
    );
  });

  it("leaves negative amounts as numbers a spreadsheet can add up", () => {
    expect(toCsv(["usd", "micros", "n"], [[microsToDecimal(-12_318_354n), -12_318_354n, -3]])).toBe(
      "usd,micros,n\r\n-12.318354,-12318354,-3\r\n",
    );
    expect(toCsv(["usd"], [[microsToDecimal(-5n)], ["-7"], ["12.5"]])).toBe("usd\r\n-0.000005\r\n-7\r\n12.5\r\n");
  });

  it("still defuses text that only starts like a number or a sign", () => {
    expect(toCsv(["t"], [["-1+2"], ["-12.5 refund"], ["+12.5"], ["-"], ["@SUM(1)"], ["-2e5"], ["\t-1"]])).toBe(
      "t\r\n'-1+2\r\n'-12.5 refund\r\n'+12.5\r\n'-\r\n'@SUM(1)\r\n'-2e5\r\n'\t-1\r\n",
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
