import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { SiteFooter } from "@/components/site/site-footer";
import { SessionSiteHeader } from "@/components/site/session-site-header";
import { signOutAction } from "@/app/(account)/account/actions";
import { requireAdminPage } from "./require-admin-page";
import { adminMetadata } from "./admin-metadata";

export const generateMetadata = adminMetadata({ title: { default: "Admin", template: "%s · Admin · Tandem" }, robots: { index: false } });

// The layout answers 404 for non-operators, and so does every page and action on its own: a layout
// does not guard server actions or a page fetched on its own during client navigation.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminPage();
  return (
    <>
      <SessionSiteHeader signOut={signOutAction} />
      <main id="main" className="flex-1 bg-paper-soft">
        <div className="mx-auto w-full max-w-6xl px-4 pt-8 pb-16 sm:px-6">
          <p className="text-sm font-semibold tracking-wide text-accent uppercase">Operators</p>
          <div className="mt-3">
            <AdminNav />
          </div>
          <div className="mt-8">{children}</div>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
