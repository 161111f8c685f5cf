// GET /api/billing/v1/accounts/{account}/standing – balance and standing the platform enforces, and each space's.
import { authorizeAccountReadOrThrow, type AccountRouteContext } from "@/lib/billing/api/authorize-account-read";
import { presentStanding, privateJson } from "@/lib/billing/api/responses";
import { getAccountStandingOrThrow } from "@/lib/billing/get-account-standing";
import { listSpaceStates } from "@/lib/budgets/list-space-states";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { methodHandlers } from "@/lib/billing/api/method-not-allowed";

export const dynamic = "force-dynamic";

export const GET = withRoute("/api/billing/v1/accounts/[account]/standing", async (request, context: AccountRouteContext) => {
  const db = getDb();
  const account = await authorizeAccountReadOrThrow(db, request, context);
  const standing = await getAccountStandingOrThrow(db, account);
  return privateJson(presentStanding(standing, await listSpaceStates(db, account)));
});

// Other methods: a JSON 405 with `Allow`, and an OPTIONS that names only GET.
const { notAllowed, options } = methodHandlers("/api/billing/v1/accounts/[account]/standing", ["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE, notAllowed as PATCH, options as OPTIONS };
