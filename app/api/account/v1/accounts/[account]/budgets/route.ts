// GET /api/account/v1/accounts/{account}/budgets – budgets, standing and this month's spend per space of the key's account.
import { getApiBudgets } from "@/lib/account/api/get-api-budgets";
import { readOnlyHandlers } from "@/lib/api-keys/api/read-only-handlers";
import {
  authorizeAccountApiRequestOrThrow,
  type AccountApiRouteContext,
} from "@/lib/api-keys/authorize-account-api-request";
import { privateJson } from "@/lib/billing/api/responses";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

const ROUTE = "/api/account/v1/accounts/[account]/budgets";

export const GET = withRoute(ROUTE, async (request, context: AccountApiRouteContext) => {
  const db = getDb();
  const key = await authorizeAccountApiRequestOrThrow(db, request, context);
  return privateJson(await getApiBudgets(db, key));
});

// Writes: 403, the API is read-only (budgets are set in the account area); OPTIONS names only GET.
const { refuseWrite, options } = readOnlyHandlers(ROUTE);
export { refuseWrite as POST, refuseWrite as PUT, refuseWrite as DELETE, refuseWrite as PATCH, options as OPTIONS };
