// The pricing page dates the rate card by when it was really published (issue 17 bug 7): the card's
// row in the database, not v1's effective hour, a placeholder in 2020 so that any usage hour has a price.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PricingContent } from "@/components/marketing/pricing-content";
import { getDb } from "@/lib/db/client";
import { rateCards } from "@/lib/db/schema";
import { getPricing } from "@/lib/pricing/get-pricing";

describe("the pricing page's rate card date", () => {
  it("is the day the card in force was published", async () => {
    const { current, upcoming } = await getPricing();
    const [row] = await getDb().select().from(rateCards).orderBy(rateCards.version).limit(1);
    expect(current.version).toBe(row!.version);
    expect(current.publishedAt).toBe(row!.createdAt.toISOString());

    const html = renderToStaticMarkup(
      createElement(PricingContent, { current, upcoming, calculatorScript: "/islands/test.js" }),
    );
    const published = row!.createdAt.toLocaleDateString("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    expect(html).toContain(`<span data-testid="rate-card-dates">Rate card v1, published ${published}.</span>`);
    expect(html).not.toContain("January 2020");
  });
});
