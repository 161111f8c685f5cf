import "server-only";
import { and, asc, desc, eq, gt } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { authAccounts, authSessions, users } from "@/lib/db/schema";

export type AccountPerson = {
  email: string | null;
  name: string | null;
  /** "Email link" while the person has an address, plus each linked provider ("github"). */
  signInMethods: string[];
  /** Live sessions (never their tokens), newest first. */
  sessions: Array<{ createdAt: Date; expires: Date }>;
};

/** Who owns an account and how they sign in. For an account the caller has already authorized (getAccountDetail). */
export async function getAccountPerson(db: Queryable, userId: string, now = new Date()): Promise<AccountPerson> {
  const [[user], providers, sessions] = await Promise.all([
    db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)),
    db
      .select({ provider: authAccounts.provider })
      .from(authAccounts)
      .where(eq(authAccounts.userId, userId))
      .orderBy(asc(authAccounts.provider)),
    db
      .select({ createdAt: authSessions.createdAt, expires: authSessions.expires })
      .from(authSessions)
      .where(and(eq(authSessions.userId, userId), gt(authSessions.expires, now)))
      .orderBy(desc(authSessions.createdAt)),
  ]);
  const email = user?.email ?? null;
  return {
    email,
    name: user?.name ?? null,
    signInMethods: [...(email ? ["Email link"] : []), ...providers.map((row) => row.provider)],
    sessions,
  };
}
