import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/site/demo-banner";
import { SkipLink } from "@/components/site/skip-link";
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

// Every App Router page is rendered per request (docs/decisions/0014-one-rule-for-the-two-routers.md):
// Next then puts the proxy's per-request nonce on the scripts it writes, so the CSP stays strict without
// allowing prerendered HTML by hashes. The public pages a visitor lands on are the zero-JS Pages Router
// pages (pages/), which are prerendered and carry no script at all.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <SkipLink />
        {env.isDemo ? <DemoBanner /> : null}
        {children}
      </body>
    </html>
  );
}
