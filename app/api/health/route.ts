// GET /api/health – liveness: the process is up and answering. Touches no dependency on purpose.
import { jsonResponse } from "@/lib/http/json-response";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute("/api/health", async () =>
  jsonResponse({ status: "ok" }, { headers: { "cache-control": "no-store" } }),
);
