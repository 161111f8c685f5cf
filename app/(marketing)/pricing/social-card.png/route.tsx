// GET /pricing/social-card.png – the pricing page's social card. A route rather than the
// opengraph-image convention: the page is in the Pages Router (pages/pricing.tsx), which links the card
// by this stable address (the convention's address carries a build-generated suffix inside a route group).
import { renderOgImage } from "@/components/marketing/og-image";

export const dynamic = "force-static";

export function GET() {
  return renderOgImage({
    title: "Pay for what your app uses, by the hour.",
    subtitle: "Public per-resource prices and a cost calculator.",
  });
}
