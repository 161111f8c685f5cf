// GET /pricing/opengraph-image – the pricing page's social card.
import { ogImageSize, renderOgImage } from "@/components/marketing/og-image";

export const alt = "Tandem pricing: pay for what your app uses, by the hour";
export const size = ogImageSize;
export const contentType = "image/png";

export default function OpenGraphImage() {
  return renderOgImage({
    title: "Pay for what your app uses, by the hour.",
    subtitle: "Public per-resource prices and a cost calculator.",
  });
}
