import "server-only";
import type { VerifiedApiKey } from "@/lib/api-keys/verify-api-key";
import { findBillingAccount } from "@/lib/billing/find-billing-account";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { OwnAccount } from "./get-own-account";

/**
 * The account a verified personal API key may read (the account API's getOwnAccountOrThrow): found by
 * the key's own account id, which verifyApiKeyOrThrow read from the key's row, never by an id from the
 * request, so no input can point the API at someone else's money.
 */
export async function getAccountForApiKeyOrThrow(db: Queryable, key: VerifiedApiKey): Promise<OwnAccount> {
  const record = await findBillingAccount(db, { accountId: key.accountId });
  if (!record) throw new AppError("not_found", { message: "This key's account does not exist." });
  const { ownerUserId: _owner, ownerEmail: _email, readAt: _readAt, ...account } = record;
  return account;
}
