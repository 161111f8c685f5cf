// Any method on /api/billing/v1 or /api/billing/v1/<a path the API does not have> – a JSON 404 instead of Next's HTML page.
import { BILLING_API_BASE_PATH } from "@/lib/billing/api/paths";
import { unknownPathRoutes } from "@/lib/http/unknown-path-routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS } = unknownPathRoutes({
  apiName: "billing API",
  basePath: BILLING_API_BASE_PATH,
});
