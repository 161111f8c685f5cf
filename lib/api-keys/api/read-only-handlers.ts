import "server-only";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";
import { withRoute } from "@/lib/http/with-route";

type Handler = (request: Request) => Promise<Response>;

const ALLOW = "GET, HEAD, OPTIONS";

/**
 * The handlers an account API route exports for the methods it does not serve (the shape of
 * lib/billing/api/method-not-allowed.ts). Every path of this API is read-only, so a write method on a
 * known path is `403 forbidden` saying why, not a 405 that invites trying another verb; nothing is read
 * or changed, not even the key (a write with no key is refused the same). OPTIONS names only what is served.
 */
export function readOnlyHandlers(route: string): { refuseWrite: Handler; options: Handler } {
  const refuseWrite = withRoute(route, async (request) => {
    const error = new AppError("forbidden", {
      message: `Personal API keys are read-only: ${request.method} is not allowed on ${route}; use GET.`,
      details: { method: request.method, allowed: ["GET"] },
    });
    const response = toErrorResponse(error, { route });
    response.headers.set("allow", ALLOW);
    return response;
  });
  const options = async () =>
    new Response(null, { status: 204, headers: { allow: ALLOW, "cache-control": "no-store" } });
  return { refuseWrite, options };
}
