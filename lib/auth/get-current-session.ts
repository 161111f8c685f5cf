import "server-only";
import { cache } from "react";
import { getLogger } from "@/lib/observability/logger";
import { appSessionSchema, type AppSession } from "./app-session";
import { auth } from "./auth";

/**
 * The signed-in person of this request, or null. Pages and actions call this, never auth() itself.
 * Looked up once per request (React's cache()), however many components ask; never across requests.
 */
export const getCurrentSession = cache(async function getCurrentSession(): Promise<AppSession | null> {
  const session = await auth();
  if (!session) return null;
  const parsed = appSessionSchema.safeParse(session);
  if (!parsed.success) {
    getLogger().error({ issues: parsed.error.issues }, "session did not have the expected shape");
    return null;
  }
  return parsed.data;
});
