// GET /api/billing/v1/accounts?email= – the billing account owned by an email address.
import { authorizeBillingRequestOrThrow } from "@/lib/billing/api/authorize-billing-request";
import { findAccountIdByEmailOrThrow } from "@/lib/billing/api/find-account-by-email";
import { privateJson } from "@/lib/billing/api/responses";
import { accountLookupQuerySchema, type AccountLookup } from "@/lib/billing/api/schemas";
import { parseSearchParamsOrThrow } from "@/lib/billing/api/validation-error";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { methodHandlers } from "@/lib/billing/api/method-not-allowed";

export const dynamic = "force-dynamic";

export const GET = withRoute("/api/billing/v1/accounts", async (request) => {
  const db = getDb();
  await authorizeBillingRequestOrThrow(db, request, "read");
  const { email } = parseSearchParamsOrThrow(accountLookupQuerySchema, request);
  return privateJson({ account: await findAccountIdByEmailOrThrow(db, email) } satisfies AccountLookup);
});

// Other methods: a JSON 405 with `Allow`, and an OPTIONS that names only GET.
const { notAllowed, options } = methodHandlers("/api/billing/v1/accounts", ["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE, notAllowed as PATCH, options as OPTIONS };
