// GET /api/account/v1/accounts/{account}/statement – a UTC month of the statement CSV's rows in JSON (?month&type&after).
import { getApiStatement } from "@/lib/account/api/get-api-statement";
import { statementApiQuerySchema } from "@/lib/account/api/schemas";
import { readOnlyHandlers } from "@/lib/api-keys/api/read-only-handlers";
import {
  authorizeAccountApiRequestOrThrow,
  type AccountApiRouteContext,
} from "@/lib/api-keys/authorize-account-api-request";
import { privateJson } from "@/lib/billing/api/responses";
import { parseSearchParamsOrThrow } from "@/lib/billing/api/validation-error";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

const ROUTE = "/api/account/v1/accounts/[account]/statement";

export const GET = withRoute(ROUTE, async (request, context: AccountApiRouteContext) => {
  const db = getDb();
  const key = await authorizeAccountApiRequestOrThrow(db, request, context);
  const query = parseSearchParamsOrThrow(statementApiQuerySchema, request);
  return privateJson(await getApiStatement(db, key, query));
});

// Writes: 403, the API is read-only; OPTIONS names only GET.
const { refuseWrite, options } = readOnlyHandlers(ROUTE);
export { refuseWrite as POST, refuseWrite as PUT, refuseWrite as DELETE, refuseWrite as PATCH, options as OPTIONS };
