// GET /api/account/v1/accounts/{account} – the key's own account: balance, standing, thresholds, this month and runway.
import { getApiAccount } from "@/lib/account/api/get-api-account";
import { readOnlyHandlers } from "@/lib/api-keys/api/read-only-handlers";
import {
  authorizeAccountApiRequestOrThrow,
  type AccountApiRouteContext,
} from "@/lib/api-keys/authorize-account-api-request";
import { privateJson } from "@/lib/billing/api/responses";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

const ROUTE = "/api/account/v1/accounts/[account]";

export const GET = withRoute(ROUTE, async (request, context: AccountApiRouteContext) => {
  const db = getDb();
  const key = await authorizeAccountApiRequestOrThrow(db, request, context);
  return privateJson(await getApiAccount(db, key));
});

// Writes: 403, the API is read-only; OPTIONS names only GET.
const { refuseWrite, options } = readOnlyHandlers(ROUTE);
export { refuseWrite as POST, refuseWrite as PUT, refuseWrite as DELETE, refuseWrite as PATCH, options as OPTIONS };
