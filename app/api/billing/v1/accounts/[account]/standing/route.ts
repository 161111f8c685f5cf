// GET /api/billing/v1/accounts/{account}/standing – balance and standing the platform enforces.
import { authorizeBillingRequestOrThrow } from "@/lib/billing/api/authorize-billing-request";
import { presentStanding, privateJson } from "@/lib/billing/api/responses";
import { accountPathSchema } from "@/lib/billing/api/schemas";
import { parseParamsOrThrow } from "@/lib/billing/api/validation-error";
import { getAccountStandingOrThrow } from "@/lib/billing/get-account-standing";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { methodHandlers } from "@/lib/billing/api/method-not-allowed";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ account: string }> };

export const GET = withRoute("/api/billing/v1/accounts/[account]/standing", async (request, { params }: Context) => {
  const db = getDb();
  await authorizeBillingRequestOrThrow(db, request, "read");
  const { account } = parseParamsOrThrow(accountPathSchema, await params);
  return privateJson(presentStanding(await getAccountStandingOrThrow(db, account)));
});

// Other methods: a JSON 405 with `Allow`, and an OPTIONS that names only GET.
const { notAllowed, options } = methodHandlers("/api/billing/v1/accounts/[account]/standing", ["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE, notAllowed as PATCH, options as OPTIONS };
