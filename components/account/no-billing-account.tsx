import Link from "next/link";
import { AccountPage } from "@/components/account/page-header";
import { Notice } from "@/components/ui/notice";

/**
 * What an account page shows to someone signed in without a billing account: operators, who sign in
 * from ADMIN_EMAILS without an invitation and do not count against the account cap.
 */
export function NoBillingAccount({ isOperator }: { isOperator: boolean }) {
  return (
    <Notice title="No billing account">
      {isOperator ? (
        <>
          You are signed in as an operator, without a billing account of your own, so there is no balance, usage or
          statement to show.{" "}
          <Link href="/admin" className="text-brand hover:text-brand-strong font-semibold underline">
            Open the admin area
          </Link>
          .
        </>
      ) : (
        "This sign-in has no billing account, so there is no balance, usage or statement to show."
      )}
    </Notice>
  );
}

/** The whole page for a sign-in without a billing account (see requireAccountPage). */
export function NoBillingAccountPage({ isOperator }: { isOperator: boolean }) {
  return (
    <AccountPage>
      <NoBillingAccount isOperator={isOperator} />
    </AccountPage>
  );
}
