import type { Metadata } from "next";
import Link from "next/link";
import { AccountPage, buttonClass, PageHeader } from "@/components/account/page-header";

export const metadata: Metadata = { title: "Account deleted" };

// Where closing an account lands: the person is signed out by then, so this page reads nothing.
export default function AccountClosedPage() {
  return (
    <AccountPage>
      <PageHeader
        title="Your account is deleted"
        description="Your apps no longer take new work, every session has ended and your name and email are gone. The ledger keeps the account's money history: money records are never erased."
      />
      <Link href="/" className={`${buttonClass.primary} mt-8`}>
        Back to the home page
      </Link>
    </AccountPage>
  );
}
