// GET /social-cards/pricing.png – the pricing page's social card. The cards of the zero-JS pages (pages/)
// live in one route family of their own, so no URL family is split between the two routers; a route
// rather than the opengraph-image convention, whose address carries a build-generated suffix.
import { renderOgImage } from "@/components/marketing/og-image";

export const dynamic = "force-static";

export function GET() {
  return renderOgImage({
    title: "Pay for what your app uses, by the hour.",
    subtitle: "Public per-resource prices and a cost calculator.",
  });
}
