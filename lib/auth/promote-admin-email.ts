import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { normalizeEmail } from "@/lib/invites/normalize-email";

/**
 * Gives the admin role to a user whose email is in ADMIN_EMAILS, at sign-in. Only promotes: removing an
 * address from ADMIN_EMAILS does not demote a stored operator (that is an operator action).
 */
export async function promoteAdminEmail(db: Database, user: { id: string; email: string }): Promise<boolean> {
  if (!getEnv().adminEmails.includes(normalizeEmail(user.email))) return false;
  const promoted = await db
    .update(users)
    .set({ role: "admin" })
    .where(and(eq(users.id, user.id), ne(users.role, "admin")))
    .returning({ id: users.id });
  return promoted.length > 0;
}
