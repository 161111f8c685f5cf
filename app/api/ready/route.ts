// GET /api/ready – readiness: the database answers and its migrations are current, else 503.
import { jsonResponse } from "@/lib/http/json-response";
import { checkReadinessOrThrow } from "@/lib/db/check-readiness";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute("/api/ready", async () =>
  jsonResponse({ status: "ready", ...(await checkReadinessOrThrow()) }, { headers: { "cache-control": "no-store" } }),
);
