"use client";

import { usePathname } from "next/navigation";
import { TabStrip } from "@/components/ui/tab-strip";

const TABS = [
  { href: "/account", label: "Overview" },
  { href: "/account/usage", label: "Usage" },
  { href: "/account/statement", label: "Statement" },
  { href: "/account/spaces", label: "Spaces" },
  { href: "/account/billing", label: "Billing" },
  { href: "/account/settings", label: "Settings" },
] as const;

/** The account area's sections, as a band under the site header. */
export function AccountNav() {
  // After deleting the account nobody is signed in: the sections would only lead to the sign-in page.
  if (usePathname() === "/account/closed") return null;
  return <TabStrip label="Account" tabs={TABS} frame="bar" />;
}
