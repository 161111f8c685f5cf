// GET /opengraph-image – the default social card for every page without its own.
import { ogImageSize, renderOgImage } from "@/components/marketing/og-image";

export const alt = "Tandem: the backend for real-time apps, billed by what you use";
export const size = ogImageSize;
export const contentType = "image/png";

export default function OpenGraphImage() {
  return renderOgImage({
    title: "The backend for real-time apps, billed by the hour you use.",
    subtitle: "Live documents, multiplayer games, collaborative state. Prepaid.",
  });
}
