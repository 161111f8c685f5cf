// GET /api/billing/v1/rates – the rate card in force (and the next one, if scheduled); public, no token.
import { jsonResponse } from "@/lib/http/json-response";
import { getCurrentRates } from "@/lib/billing/api/get-current-rates";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

// Public and the same for everyone; a new card takes effect on an hour, so a minute of caching is safe.
export const GET = withRoute("/api/billing/v1/rates", async () =>
  jsonResponse(await getCurrentRates(getDb()), { headers: { "cache-control": "public, max-age=60" } }),
);
