import "server-only";
import type { AdapterSession, AdapterUser } from "@auth/core/adapters";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { authSessions, users } from "@/lib/db/schema";
import type { AppSession } from "./app-session";
import { SESSION_ABSOLUTE_TIMEOUT_SECONDS, isPastAbsoluteTimeout } from "./session-policy";

type UserRow = typeof users.$inferSelect;

/** A `"user"` row in the shape Auth.js passes around (every user we create has an email). */
export function toAdapterUser(row: UserRow): AdapterUser & { role: UserRow["role"] } {
  return { ...row, email: row.email ?? "" };
}

/**
 * The adapter's session lookup with the absolute timeout enforced in the data layer: a session older
 * than 30 days is deleted and reads as no session, however recently it was used.
 */
export async function getLiveSessionAndUser(
  db: Database,
  sessionToken: string,
): Promise<{ session: AdapterSession; user: AdapterUser } | null> {
  const [row] = await db
    .select({ session: authSessions, user: users })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.sessionToken, sessionToken));
  if (!row) return null;
  if (isPastAbsoluteTimeout(row.session.createdAt)) {
    await db.delete(authSessions).where(eq(authSessions.sessionToken, sessionToken));
    return null;
  }
  return { session: row.session, user: toAdapterUser(row.user) };
}

/** Slides the idle deadline forward, but never past the session's absolute end. */
export async function extendSession(
  db: Database,
  update: Partial<AdapterSession> & Pick<AdapterSession, "sessionToken">,
): Promise<AdapterSession | null | undefined> {
  if (update.expires === undefined) return undefined;
  const [row] = await db
    .update(authSessions)
    .set({
      expires: sql`least(${update.expires.toISOString()}::timestamptz,
        ${authSessions.createdAt} + make_interval(secs => ${SESSION_ABSOLUTE_TIMEOUT_SECONDS}))`,
    })
    .where(eq(authSessions.sessionToken, update.sessionToken))
    .returning();
  return row ?? null;
}

/** "Sign out everywhere": ends every session of the session's user, this one included. */
export async function revokeAllSessions(db: Database, session: AppSession): Promise<number> {
  const deleted = await db
    .delete(authSessions)
    .where(eq(authSessions.userId, session.user.id))
    .returning({ token: authSessions.sessionToken });
  return deleted.length;
}
