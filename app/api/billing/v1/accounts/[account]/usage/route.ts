// GET /api/billing/v1/accounts/{account}/usage – an account's units and cost as a UTC time series.
import { authorizeBillingRequestOrThrow } from "@/lib/billing/api/authorize-billing-request";
import { presentUsage, privateJson } from "@/lib/billing/api/responses";
import { accountPathSchema, usageQuerySchema } from "@/lib/billing/api/schemas";
import { parseParamsOrThrow, parseSearchParamsOrThrow } from "@/lib/billing/api/validation-error";
import { queryUsage } from "@/lib/billing/query-usage";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { methodHandlers } from "@/lib/billing/api/method-not-allowed";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ account: string }> };

export const GET = withRoute("/api/billing/v1/accounts/[account]/usage", async (request, { params }: Context) => {
  const db = getDb();
  await authorizeBillingRequestOrThrow(db, request, "read");
  const { account } = parseParamsOrThrow(accountPathSchema, await params);
  const query = parseSearchParamsOrThrow(usageQuerySchema, request);
  const report = await queryUsage(db, { accountId: account, ...query });
  return privateJson(presentUsage(report));
});

// Other methods: a JSON 405 with `Allow`, and an OPTIONS that names only GET.
const { notAllowed, options } = methodHandlers("/api/billing/v1/accounts/[account]/usage", ["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE, notAllowed as PATCH, options as OPTIONS };
