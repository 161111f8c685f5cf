import "server-only";
import type { Database } from "@/lib/db/client";
import { authorizeBillingRequestOrThrow } from "./authorize-billing-request";
import { accountPathSchema } from "./schemas";
import { parseParamsOrThrow } from "./validation-error";

/** The second argument Next passes to a route handler under /api/billing/v1/accounts/[account]. */
export type AccountRouteContext = { params: Promise<{ account: string }> };

/**
 * The start of every read of one account (`/accounts/{account}/…`): a platform token allowed to read
 * (401, 429), then a well-formed account id from the path (400). Returns the account id.
 */
export async function authorizeAccountReadOrThrow(db: Database, request: Request, { params }: AccountRouteContext): Promise<string> {
  await authorizeBillingRequestOrThrow(db, request, "read");
  const { account } = parseParamsOrThrow(accountPathSchema, await params);
  return account;
}
