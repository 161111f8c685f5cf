import { describe, expect, it } from "vitest";
import { fillCompany } from "./fill-company";

describe("fillCompany", () => {
  const company = { name: "Smith & Daughters <Ltd>", contactEmail: "legal@example.com" };

  it("names the company, escaped, and links the contact address", () => {
    expect(fillCompany("<p>{{company}} answers at {{ contact }}.</p>", company)).toBe(
      '<p>Smith &amp; Daughters &lt;Ltd&gt; answers at <a href="mailto:legal@example.com">legal@example.com</a>.</p>',
    );
  });

  it("refuses a placeholder it does not know", () => {
    expect(() => fillCompany("<p>{{compnay}}</p>", company)).toThrow(/unknown placeholder \{\{compnay\}\}/);
  });
});
