import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";

export const metadata: Metadata = { robots: { index: false } };

export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader actions={null} />
      <AccountNav />
      <main id="main" className="flex-1 bg-paper-soft">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
