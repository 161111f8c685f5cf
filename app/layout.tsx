import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/site/demo-banner";
import { getEnv } from "@/lib/env";
import "./globals.css";

const env = getEnv();

export const metadata: Metadata = {
  metadataBase: new URL(env.appUrl),
  title: { default: "Tandem: real-time backends, billed by what you use", template: "%s · Tandem" },
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
  description:
    "A hosted backend for live documents, multiplayer games and collaborative state. Prepaid, metered by the hour, with limits that protect your wallet.",
  // Relative canonical paths in pages resolve against metadataBase, i.e. APP_URL.
  openGraph: { siteName: "Tandem", type: "website", locale: "en_US" },
  twitter: { card: "summary_large_image" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

// No cookies() or headers() here: every page under this layout can be prerendered (DESIGN section 11).
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        {env.isDemo ? <DemoBanner /> : null}
        {children}
      </body>
    </html>
  );
}
