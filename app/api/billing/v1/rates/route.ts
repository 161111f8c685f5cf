// GET /api/billing/v1/rates – the rate card in force (and the next one, if scheduled); public, no token.
import { jsonResponse } from "@/lib/http/json-response";
import { getCurrentRates } from "@/lib/billing/api/get-current-rates";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { methodHandlers } from "@/lib/billing/api/method-not-allowed";

export const dynamic = "force-dynamic";

// Public and the same for everyone; a new card takes effect on an hour, so a minute of caching is safe.
export const GET = withRoute("/api/billing/v1/rates", async () =>
  jsonResponse(await getCurrentRates(getDb()), { headers: { "cache-control": "public, max-age=60" } }),
);

// Other methods: a JSON 405 with `Allow`, and an OPTIONS that names only GET.
const { notAllowed, options } = methodHandlers("/api/billing/v1/rates", ["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE, notAllowed as PATCH, options as OPTIONS };
