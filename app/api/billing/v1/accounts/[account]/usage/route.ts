// GET /api/billing/v1/accounts/{account}/usage – an account's units and cost as a UTC time series.
import { authorizeAccountReadOrThrow, type AccountRouteContext } from "@/lib/billing/api/authorize-account-read";
import { presentUsage, privateJson } from "@/lib/billing/api/responses";
import { usageQuerySchema } from "@/lib/billing/api/schemas";
import { parseSearchParamsOrThrow } from "@/lib/billing/api/validation-error";
import { queryUsage } from "@/lib/billing/query-usage";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { methodHandlers } from "@/lib/billing/api/method-not-allowed";

export const dynamic = "force-dynamic";

export const GET = withRoute("/api/billing/v1/accounts/[account]/usage", async (request, context: AccountRouteContext) => {
  const db = getDb();
  const account = await authorizeAccountReadOrThrow(db, request, context);
  const query = parseSearchParamsOrThrow(usageQuerySchema, request);
  const report = await queryUsage(db, { accountId: account, ...query });
  return privateJson(presentUsage(report));
});

// Other methods: a JSON 405 with `Allow`, and an OPTIONS that names only GET.
const { notAllowed, options } = methodHandlers("/api/billing/v1/accounts/[account]/usage", ["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE, notAllowed as PATCH, options as OPTIONS };
