import type { StaticPageMeta } from "@/components/site/static-page";

/**
 * The <head> the small waitlist pages share (joined, withdraw, withdrawn): reached from a form or an email,
 * so `noindex`, with the site's own description and card (what the App Router's root metadata gave them).
 */
export const WAITLIST_PANEL_META: Omit<StaticPageMeta, "title" | "path"> = {
  description:
    "A hosted backend for live documents, multiplayer games and collaborative state. Prepaid, metered by the hour, with limits that protect your wallet.",
  image: { path: "/opengraph-image", alt: "Tandem: the backend for real-time apps, billed by what you use" },
  noindex: true,
};
