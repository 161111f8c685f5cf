// GET /api/billing/v1/openapi.json – the billing API's OpenAPI 3.1 document, built from its zod schemas.
import { jsonResponse } from "@/lib/http/json-response";
import { getBillingOpenApiDocument } from "@/lib/billing/api/openapi";
import { withRoute } from "@/lib/http/with-route";
import { methodHandlers } from "@/lib/billing/api/method-not-allowed";

export const dynamic = "force-dynamic";

// Public like any API reference: it describes the contract and holds no data.
export const GET = withRoute("/api/billing/v1/openapi.json", async () =>
  jsonResponse(getBillingOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);

// Other methods: a JSON 405 with `Allow`, and an OPTIONS that names only GET.
const { notAllowed, options } = methodHandlers("/api/billing/v1/openapi.json", ["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE, notAllowed as PATCH, options as OPTIONS };
