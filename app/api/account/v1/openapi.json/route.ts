// GET /api/account/v1/openapi.json – the account API's OpenAPI 3.1 document, built from its zod schemas.
import { getAccountApiDocument } from "@/lib/account/api/openapi";
import { readOnlyHandlers } from "@/lib/api-keys/api/read-only-handlers";
import { jsonResponse } from "@/lib/http/json-response";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

const ROUTE = "/api/account/v1/openapi.json";

// Public like any API reference: it describes the contract and holds no data.
export const GET = withRoute(ROUTE, async () =>
  jsonResponse(getAccountApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);

// Writes: 403, the API is read-only; OPTIONS names only GET.
const { refuseWrite, options } = readOnlyHandlers(ROUTE);
export { refuseWrite as POST, refuseWrite as PUT, refuseWrite as DELETE, refuseWrite as PATCH, options as OPTIONS };
