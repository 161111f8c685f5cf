import { TabStrip } from "@/components/ui/tab-strip";

const TABS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/accounts", label: "Accounts" },
  { href: "/admin/waitlist", label: "Waitlist" },
  { href: "/admin/codes", label: "Invite codes" },
  { href: "/admin/invites", label: "Invites" },
  { href: "/admin/emails", label: "Undelivered emails" },
  { href: "/admin/payments", label: "Payments" },
  { href: "/admin/tokens", label: "Platform tokens" },
  { href: "/admin/incidents", label: "Incidents" },
  { href: "/admin/rates", label: "Rate cards" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/approvals", label: "Approvals" },
] as const;

/** The admin area's pages, as tabs inside its column. */
export function AdminNav() {
  return <TabStrip label="Admin" tabs={TABS} frame="inline" />;
}
