import "server-only";
import { NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { clientIpFrom } from "@/lib/http/client-ip";
import { BODY_LIMITS, readCappedBodyOrThrow } from "@/lib/http/read-capped-body";
import { withRoute } from "@/lib/http/with-route";
import { hasValidCsrfToken } from "./has-valid-csrf-token";
import { limitSignInRequests } from "./limit-sign-in-requests";

type AuthHandler = (request: NextRequest) => Promise<Response>;

const ROUTE = "/api/auth/[...nextauth]";

async function formOf(request: Request, body: Uint8Array<ArrayBuffer>): Promise<FormData | undefined> {
  return new Request(request.url, { method: "POST", headers: { "content-type": request.headers.get("content-type") ?? "" }, body })
    .formData()
    .catch(() => undefined);
}

/**
 * Auth.js's route handlers behind our route wrapper (metrics, error mapping). Every POST body is capped
 * at 16 kB (its forms are a few hundred bytes) before Auth.js reads it. A magic-link request with a
 * valid CSRF token counts against its client's per-IP limit (429 with Retry-After past it); forged ones
 * count for nothing (Auth.js refuses them), and the per-address cap applies to mail, after the answer.
 */
export function createAuthRoute(handlers: { GET: AuthHandler; POST: AuthHandler }) {
  // Next hands route handlers a NextRequest; withRoute is typed for any Request.
  return {
    GET: withRoute(ROUTE, (request) => handlers.GET(request as NextRequest)),
    POST: withRoute(ROUTE, async (request) => {
      const body = await readCappedBodyOrThrow(request, BODY_LIMITS.authForm);
      if (new URL(request.url).pathname.endsWith("/signin/nodemailer")) {
        const form = await formOf(request, body);
        const isGenuine = hasValidCsrfToken({ cookieHeader: request.headers.get("cookie"), formToken: form?.get("csrfToken"), secret: getEnv().authSecret });
        if (isGenuine) await limitSignInRequests(getDb(), { ip: clientIpFrom(request.headers) });
      }
      // The body has been read: Auth.js gets the same request with the bytes we hold.
      const headers = new Headers(request.headers);
      headers.delete("content-length");
      headers.delete("transfer-encoding");
      return handlers.POST(new NextRequest(request.url, { method: "POST", headers, body }));
    }),
  };
}
