import "server-only";
import { getMetrics } from "@/lib/observability/metrics";
import { toErrorResponse } from "./error-response";

type Outcome = "success" | "user_issue" | "system_error";

function outcomeOf(status: number): Outcome {
  if (status >= 500) return "system_error";
  if (status >= 400) return "user_issue";
  return "success";
}

/**
 * Wraps a route handler: times it, counts it by outcome, and maps anything it throws through
 * toErrorResponse. `route` is the route's pattern (e.g. "/api/billing/v1/usage"), never the raw path,
 * so metric labels stay bounded.
 */
export function withRoute<Args extends unknown[]>(
  route: string,
  handler: (request: Request, ...args: Args) => Promise<Response>,
): (request: Request, ...args: Args) => Promise<Response> {
  return async (request, ...args) => {
    const started = performance.now();
    let response: Response;
    let outcome: Outcome;
    try {
      response = await handler(request, ...args);
      outcome = outcomeOf(response.status);
    } catch (error) {
      response = toErrorResponse(error, { route });
      outcome = outcomeOf(response.status);
    }
    const labels = { route, method: request.method, outcome };
    const metrics = getMetrics();
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, (performance.now() - started) / 1000);
    return response;
  };
}
