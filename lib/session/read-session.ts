import "server-only";
import type { AdapterSession, AdapterUser } from "@auth/core/adapters";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { authSessions } from "@/lib/db/schema";
import type { AppSession } from "./app-session";
import { extendSession, getLiveSessionAndUser } from "./auth-sessions";
import { SESSION_IDLE_TIMEOUT_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./session-policy";

/**
 * The name Auth.js gives the session cookie: `__Secure-` prefixed when the site is served over https
 * (Auth.js decides by the protocol of AUTH_URL, which lib/auth/auth-config.ts always sets).
 */
export function sessionCookieName(authUrl: string): string {
  return `${new URL(authUrl).protocol === "https:" ? "__Secure-" : ""}authjs.session-token`;
}

/** What a signed-in person looks like to the app; the Auth.js session callback builds the same. */
export function toAppSession(session: Pick<AdapterSession, "expires">, user: AdapterUser): AppSession {
  const role = (user as { role?: unknown }).role === "admin" ? "admin" : "user";
  return {
    expires: new Date(session.expires).toISOString(),
    user: { id: user.id, email: user.email, name: user.name ?? null, role },
  };
}

/**
 * The session a token stands for, or null: the same rules as Auth.js's database strategy (an expired
 * session is deleted; one last extended more than `updateAge` ago slides a full idle period forward,
 * never past the absolute end) with the same adapter functions, read directly. Pages call this through
 * getCurrentSession instead of Auth.js's auth(), which builds a Request, runs Auth.js's whole router for
 * its session action and parses the JSON Response back: about 3.5 ms of CPU on every signed-in page, for
 * a cookie Auth.js could not set from a server component anyway. Sign-in and sign-out stay with Auth.js.
 */
export async function readSessionToken(db: Database, sessionToken: string, now: Date = new Date()): Promise<AppSession | null> {
  const found = await getLiveSessionAndUser(db, sessionToken);
  if (!found) return null;
  if (found.session.expires.getTime() < now.getTime()) {
    await db.delete(authSessions).where(eq(authSessions.sessionToken, sessionToken));
    return null;
  }
  const dueAt = found.session.expires.getTime() - (SESSION_IDLE_TIMEOUT_SECONDS - SESSION_UPDATE_AGE_SECONDS) * 1000;
  if (dueAt > now.getTime()) return toAppSession(found.session, found.user);
  const extended = await extendSession(db, { sessionToken, expires: new Date(now.getTime() + SESSION_IDLE_TIMEOUT_SECONDS * 1000) });
  // Deleted in between (signed out on another tab): no session, as on the next read anyway.
  return extended ? toAppSession(extended, found.user) : null;
}
