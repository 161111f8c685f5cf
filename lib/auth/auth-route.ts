import "server-only";
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { clientIpFrom } from "@/lib/http/client-ip";
import { withRoute } from "@/lib/http/with-route";
import { limitSignInRequests } from "./limit-sign-in-requests";

type AuthHandler = (request: NextRequest) => Promise<Response>;

const ROUTE = "/api/auth/[...nextauth]";

/**
 * Auth.js's route handlers behind our route wrapper (metrics, error mapping): a magic-link request
 * posted straight to Auth.js is rate limited like the sign-in form, and answers 429 with Retry-After.
 */
export function createAuthRoute(handlers: { GET: AuthHandler; POST: AuthHandler }) {
  // Next hands route handlers a NextRequest; withRoute is typed for any Request.
  return {
    GET: withRoute(ROUTE, (request) => handlers.GET(request as NextRequest)),
    POST: withRoute(ROUTE, async (request) => {
      if (new URL(request.url).pathname.endsWith("/signin/nodemailer")) {
        const form = await request.clone().formData().catch(() => undefined);
        const email = form?.get("email");
        await limitSignInRequests(getDb(), { email: typeof email === "string" ? email : undefined, ip: clientIpFrom(request.headers) });
      }
      return handlers.POST(request as NextRequest);
    }),
  };
}
