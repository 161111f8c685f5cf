import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import type { AppSession } from "./app-session";
import { readSessionToken, sessionCookieName } from "./read-session";

/**
 * The signed-in person of this request, or null. Pages and actions call this, never auth() itself.
 * Looked up once per request (React's cache()), however many components ask; never across requests.
 */
export const getCurrentSession = cache(async function getCurrentSession(): Promise<AppSession | null> {
  const token = (await cookies()).get(sessionCookieName(getEnv().authUrl))?.value;
  return token ? readSessionToken(getDb(), token) : null;
});
