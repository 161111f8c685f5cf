import Link from "next/link";
import type { ReactNode } from "react";
import { AccountPage } from "@/components/account/page-header";
import { getOwnAccount } from "@/lib/account/get-own-account";
import type { AppSession } from "@/lib/auth/app-session";
import type { Queryable } from "@/lib/db/client";
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

/** The whole page for a session without a billing account, or null when it has one. */
export async function noBillingAccountPage(db: Queryable, session: AppSession): Promise<ReactNode | null> {
  if (await getOwnAccount(db, session)) return null;
  return (
    <AccountPage>
      <NoBillingAccount isOperator={session.user.role === "admin"} />
    </AccountPage>
  );
}
