import "server-only";
import type { Adapter } from "@auth/core/adapters";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Database } from "@/lib/db/client";
import { authAccounts, authSessions, users, verificationTokens } from "@/lib/db/schema";
import { extendSession, getLiveSessionAndUser } from "@/lib/session/auth-sessions";
import { createUserFromInvite } from "./create-user-from-invite";
import { linkAccount } from "./link-account";

/**
 * The Drizzle adapter on our tables, with four methods replaced so the rules live in the data layer
 * rather than in callbacks: `createUser` creates the whole account from an invite exactly once (an
 * `events.createUser` hook would run after the user row was already committed, and a second racing
 * sign-in would fail on the unique email), `linkAccount` is idempotent for the same reason (racing
 * GitHub sign-ins), and the session reads and updates enforce the absolute timeout. A first GitHub
 * sign-in does not reach `createUser`: the signIn callback creates the user and its link together
 * (createGitHubUserAtFirstSignIn).
 */
export function createAuthAdapter(db: Database): Adapter {
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: authAccounts,
    sessionsTable: authSessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...base,
    createUser: (user) => createUserFromInvite(db, user),
    linkAccount: (account) => linkAccount(db, account),
    getSessionAndUser: (sessionToken) => getLiveSessionAndUser(db, sessionToken),
    updateSession: (session) => extendSession(db, session),
  };
}
