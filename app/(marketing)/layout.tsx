import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SessionSiteHeader } from "@/components/site/session-site-header";
import { signOutAction } from "@/app/(account)/account/actions";

export default function MarketingLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SessionSiteHeader variant="marketing" signOut={signOutAction} />
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
