import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SessionSiteHeader } from "@/components/site/session-site-header";
import { signOutAction } from "@/app/(account)/account/actions";

export const metadata: Metadata = { robots: { index: false } };

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SessionSiteHeader signOut={signOutAction} />
      <main id="main" className="flex-1 bg-paper-soft">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
