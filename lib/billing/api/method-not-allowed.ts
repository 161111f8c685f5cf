import "server-only";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";
import { withRoute } from "@/lib/http/with-route";

export type BillingMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH";

type Handler = (request: Request) => Promise<Response>;

/**
 * The handlers a billing route file exports for the methods it does not serve. Next answers a method a
 * route does not export with an empty 405 of its own, and its automatic OPTIONS would list every
 * exported method as allowed: so each route exports `notAllowed` for the others (a JSON
 * `method_not_allowed` with `Allow`) and `options`, which names only the methods it serves.
 */
export function methodHandlers(
  route: string,
  allowed: readonly BillingMethod[],
): { notAllowed: Handler; options: Handler } {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const notAllowed = withRoute(route, async (request) => {
    const error = new AppError("method_not_allowed", {
      message: `${request.method} is not allowed on ${route}; use ${allowed.join(" or ")}.`,
      details: { method: request.method, allowed },
    });
    const response = toErrorResponse(error, { route });
    response.headers.set("allow", allow);
    return response;
  });
  const options = async () => new Response(null, { status: 204, headers: { allow, "cache-control": "no-store" } });
  return { notAllowed, options };
}
