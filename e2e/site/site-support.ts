import type { Page } from "@playwright/test";

/**
 * Every page of the marketing site, with the heading it opens with. `isStatic`: served by the Pages
 * Router as HTML and CSS without the React runtime (pages/), the rest by the App Router.
 */
export const SITE_PAGES = [
  { path: "/", name: "home", heading: /real-time apps/, isStatic: true },
  { path: "/pricing", name: "pricing", heading: /Pay for what your app uses/, isStatic: true },
  { path: "/blog", name: "blog", heading: /Notes from the Tandem team/, isStatic: true },
  { path: "/blog/introducing-tandem", name: "blog-launch", heading: /Introducing Tandem/, isStatic: true },
  { path: "/blog/how-billing-works", name: "blog-billing", heading: /How billing works/, isStatic: true },
  { path: "/changelog", name: "changelog", heading: /What changed in Tandem/, isStatic: true },
  { path: "/terms", name: "terms", heading: /Terms of service/, isStatic: true },
  { path: "/privacy", name: "privacy", heading: /Privacy policy/, isStatic: true },
  { path: "/acceptable-use", name: "acceptable-use", heading: /Acceptable use policy/, isStatic: true },
  { path: "/waitlist", name: "waitlist", heading: /Join the Tandem waitlist/, isStatic: true },
  { path: "/invite", name: "invite", heading: /.+/ },
] as const;

/** Records CSP violations as the browser reports them to the page (set up before the page loads). */
export async function watchForCspViolations(page: Page): Promise<() => Promise<string[]>> {
  // An init script is injected by the browser itself, outside the page's CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective}: ${event.blockedURI || "inline"}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}
