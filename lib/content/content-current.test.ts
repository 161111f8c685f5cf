// The public content says what is true today (issue 17 bug 7): nothing that shipped is announced as
// coming, and the changelog has an entry for each thing that shipped, on the day it reached main.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listEntries, type Collection } from "./get-content";

const COLLECTIONS: Collection[] = ["blog", "changelog", "legal"];

// Words that announce work as future. Whatever a page promises for later must be kept out of the
// public pages until it ships; then it goes into the changelog.
const FUTURE_TENSE = [/coming (next|soon)/i, /\bis next\b/i, /\bare next\b/i, /\buntil then\b/i, /\bnot yet\b/i];

// What shipped and when, from `git log --first-parent` of main (the merge or commit that brought it).
const SHIPPED: Array<{ what: string; text: RegExp; date: string }> = [
  { what: "metering and the billing API (ac86383)", text: /rate card/i, date: "2026-11-29" },
  { what: "sign-in, waitlist and invitations (249a489)", text: /waitlist/i, date: "2026-11-29" },
  { what: "card top-ups (084231f)", text: /top up/i, date: "2026-11-29" },
  { what: "saved cards and auto-recharge (4ea974c)", text: /auto-recharge/i, date: "2026-11-29" },
  { what: "the pricing page (547ad2f)", text: /pricing page/i, date: "2026-11-29" },
  { what: "the account area (e5aa557)", text: /account area/i, date: "2026-11-29" },
  { what: "emails in an outbox, retried (d3ba393)", text: /retried/i, date: "2026-11-30" },
  { what: "billing API limits (f27ef01)", text: /billing API/i, date: "2026-12-06" },
  { what: "zero-JavaScript public pages (6c8ddab)", text: /without JavaScript/i, date: "2026-12-06" },
];

function contentFiles(): Array<{ file: string; text: string }> {
  return COLLECTIONS.flatMap((collection) => {
    const folder = path.join(process.cwd(), "content", collection);
    return readdirSync(folder)
      .filter((file) => file.endsWith(".md"))
      .map((file) => ({ file: `${collection}/${file}`, text: readFileSync(path.join(folder, file), "utf8") }));
  });
}

describe("public content is current", () => {
  it("announces nothing as coming", () => {
    const announcements = contentFiles().flatMap(({ file, text }) =>
      FUTURE_TENSE.flatMap((pattern) => (pattern.test(text) ? [`${file}: ${pattern.source}`] : [])),
    );
    expect(announcements).toEqual([]);
  });

  it.each(SHIPPED)("the changelog lists $what on $date", ({ text, date }) => {
    const entries = listEntries("changelog").filter((entry) => entry.date === date);
    expect(entries.some((entry) => text.test(`${entry.title}\n${entry.description}\n${entry.html}`))).toBe(true);
  });

  it("dates nothing before the first commit of the site (29 November 2026)", () => {
    for (const collection of COLLECTIONS) {
      for (const entry of listEntries(collection))
        expect(entry.date >= "2026-11-29", `${collection}/${entry.slug}`).toBe(true);
    }
  });

  it("names each changelog file after the day of its entry", () => {
    for (const entry of listEntries("changelog")) expect(entry.slug.slice(0, 10)).toBe(entry.date);
  });

  it("lists entries of one day newest first, by the time of day in their date", () => {
    const sameDay = listEntries("changelog").filter((entry) => entry.date === "2026-11-29");
    expect(sameDay.map((entry) => entry.slug)).toEqual([
      "2026-11-29-account-area",
      "2026-11-29-pricing-page",
      "2026-11-29-auto-recharge",
      "2026-11-29-waitlist-and-invites",
      "2026-11-29-top-ups",
      "2026-11-29-billing-api",
    ]);
  });
});
