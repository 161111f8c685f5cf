import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";
import { SiteFooter } from "@/components/site/site-footer";
import { signOutAction } from "./account/actions";
import { SessionSiteHeader } from "@/components/site/session-site-header";

export const metadata: Metadata = { robots: { index: false } };

export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SessionSiteHeader signOut={signOutAction} />
      <AccountNav />
      <main id="main" className="flex-1 bg-paper-soft">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
