// GET /api/metrics – Prometheus text exposition of the process's registry.
import { authorizeMetricsScrape } from "@/lib/observability/authorize-metrics-scrape";
import { getMetrics } from "@/lib/observability/metrics";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute("/api/metrics", async (request) => {
  authorizeMetricsScrape(request.headers.get("authorization"));
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});
