import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { billingAccounts, ledgerAccounts } from "@/lib/db/schema";
import { postTransfers } from "@/lib/ledger/post-transfers";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import { getLaunchSettings } from "@/lib/settings/launch-settings";

export { DEFAULT_PROMOTIONAL_GRANT_MICROS } from "@/lib/settings/promotional-grant";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** An opaque public id, `acct_` and 20 characters of Crockford-style base32 (100 random bits). */
export function newAccountId(): string {
  const bytes = randomBytes(20);
  return `acct_${[...bytes].map((byte) => ALPHABET[byte % 32]).join("")}`;
}

/** `grantMicros` overrides the operators' welcome-credit setting (lib/settings) for this account. */
export type CreateBillingAccountOptions = { userId: string; grantMicros?: bigint };

/**
 * The user's billing account with its customer ledger account and promotional grant, created exactly
 * once: a second call (or a racing one) returns the existing account, and the grant's idempotency key
 * is tied to the account, so it can never be granted twice. The amount is the operators' setting (a $0
 * setting posts nothing).
 *
 * A new account starts `active` and its welcome credit is not a crossing (DESIGN section 6): the grant
 * is posted without recomputing standing, so it records no standing change and owes no email. The
 * default welcome credit ($5) equals the default low threshold ($5), and standingFor says `low` at or
 * below the threshold, so recomputing here made every new account "Low" with a low-balance email as its
 * first message (issue 17). The rules stay as DESIGN states them; the first posting that moves the
 * balance (usage, a top-up) recomputes standing from the balance as usual, so a customer whose usage
 * takes the balance below the threshold is told then. With no welcome credit the account holds nothing
 * and starts in `grace`, which is what standingFor says of a zero balance.
 */
export async function createBillingAccount(tx: Transaction, options: CreateBillingAccountOptions): Promise<string> {
  // Read in the creating transaction: the grant is the setting in force when the account was made.
  const grant = options.grantMicros ?? (await getLaunchSettings(tx)).promotionalGrantMicros;
  const [created] = await tx
    .insert(billingAccounts)
    .values({ id: newAccountId(), ownerUserId: options.userId, state: grant > 0n ? "active" : "grace" })
    .onConflictDoNothing({ target: billingAccounts.ownerUserId })
    .returning({ id: billingAccounts.id });
  const accountId = created?.id;
  if (accountId === undefined) {
    const [existing] = await tx.select({ id: billingAccounts.id }).from(billingAccounts).where(eq(billingAccounts.ownerUserId, options.userId));
    return existing!.id;
  }
  const [ledger] = await tx
    .insert(ledgerAccounts)
    .values({ code: `customer:${accountId}`, kind: "customer_credit", billingAccountId: accountId, balanceMicros: 0n })
    .returning({ id: ledgerAccounts.id });
  const customerLedgerId = ledger!.id;
  if (grant > 0n) {
    const system = await getSystemAccounts(tx);
    // postTransfers, not postCustomerTransfers: the welcome credit is not a standing change (above).
    await postTransfers(tx, [
      {
        idempotencyKey: `grant:signup:${accountId}`,
        kind: "grant",
        fromAccountId: system.promotional_grants,
        toAccountId: customerLedgerId,
        amountMicros: grant,
        reason: "Welcome credit",
      },
    ]);
  }
  return accountId;
}
