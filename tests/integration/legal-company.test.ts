// The legal pages name the company that runs the site and a contact address from the environment
// (COMPANY_NAME, CONTACT_EMAIL), read in getStaticProps when the page is prerendered (issue 17).
import type { GetStaticPropsContext } from "next";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getEnv } from "@/lib/env";
import { registerPageServerCalls } from "@/lib/server-start/page-server-calls";
import type { LegalPageProps } from "@/lib/site/legal-page-props";

beforeAll(() => {
  vi.stubEnv("COMPANY_NAME", "Fernhill Software & Sons Ltd");
  vi.stubEnv("CONTACT_EMAIL", "legal@fernhill.example");
  // Nothing in this file may have read the environment before the stub.
  expect(getEnv().company).toEqual({ name: "Fernhill Software & Sons Ltd", contactEmail: "legal@fernhill.example" });
  // What instrumentation.ts does when the server starts: the pages' server calls, with their real implementations.
  registerPageServerCalls();
});

afterAll(() => vi.unstubAllEnvs());

async function renderPage(path: "terms" | "privacy" | "acceptable-use"): Promise<string> {
  const page = (await import(`@/pages/${path}.tsx`)) as {
    getStaticProps: (context: GetStaticPropsContext) => Promise<{ props: LegalPageProps }>;
    default: (props: LegalPageProps) => React.ReactElement;
  };
  const { props } = await page.getStaticProps({});
  return renderToStaticMarkup(createElement(page.default, props));
}

describe("legal pages", () => {
  it("the terms name the configured company and contact address", async () => {
    const html = await renderPage("terms");
    expect(html).toContain("agreement between you and Fernhill Software &amp; Sons Ltd");
    expect(html).toContain("Tandem is run by Fernhill Software &amp; Sons Ltd");
    expect(html).toContain('<a href="mailto:legal@fernhill.example">legal@fernhill.example</a>');
    // No placeholder left, and no address that is not the configured one.
    expect(html).not.toMatch(/\{\{|\}\}/);
    expect(html.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g)?.every((address) => address === "legal@fernhill.example")).toBe(
      true,
    );
  });

  it.each(["privacy", "acceptable-use"] as const)(
    "/%s gives the configured contact address and no other",
    async (path) => {
      const html = await renderPage(path);
      expect(html).toContain("Fernhill Software &amp; Sons Ltd");
      expect(html).toContain('href="mailto:legal@fernhill.example"');
      expect(html).not.toMatch(/\{\{|\}\}|@tandem\.dev/);
    },
  );
});
