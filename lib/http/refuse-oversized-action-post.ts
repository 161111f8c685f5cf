import { AppError } from "@/lib/errors";
import { toErrorResponse } from "./error-response";

/**
 * Next's limit on a server action's body (`experimental.serverActions.bodySizeLimit`, unset in
 * next.config.ts: Next's default of 1 MB). Keep the two equal if either changes.
 */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * Next 16 enforces the limit while it decodes an action, throws an ApiError(413)... and then answers
 * 500 (app-render/action-handler.js: "TODO: consider checking if the error is an ApiError"). So a POST
 * to a page, a server action (fetch actions carry Next-Action; a form posted without JavaScript is
 * multipart with the action id inside) or a zero-JS page's plain form (pages/waitlist, which caps its own
 * body at 16 kB after this), is checked here by its Content-Length first:
 * over the limit, 413; without one (a chunked upload no browser sends for a form), 411. Either answer
 * is our JSON error shape. Returns undefined for everything else.
 */
export function refuseOversizedActionPost(request: Request): Response | undefined {
  if (request.method !== "POST" || new URL(request.url).pathname.startsWith("/api/")) return undefined;
  const declared = request.headers.get("content-length");
  if (declared === null) {
    return toErrorResponse(new AppError("length_required", { message: "A form post must declare its Content-Length." }), { route: "server-action" });
  }
  if (Number(declared) > SERVER_ACTION_BODY_LIMIT) {
    return toErrorResponse(
      new AppError("payload_too_large", {
        message: `The form is larger than ${SERVER_ACTION_BODY_LIMIT} bytes.`,
        details: { max_bytes: SERVER_ACTION_BODY_LIMIT },
      }),
      { route: "server-action" },
    );
  }
  return undefined;
}
