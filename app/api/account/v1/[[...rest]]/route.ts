// Any method on /api/account/v1 or /api/account/v1/<a path the API does not have> – a JSON 404 instead of Next's HTML page.
import { ACCOUNT_API_BASE_PATH } from "@/lib/api-keys/paths";
import { unknownPathRoutes } from "@/lib/http/unknown-path-routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS } = unknownPathRoutes({
  apiName: "account API",
  basePath: ACCOUNT_API_BASE_PATH,
});
