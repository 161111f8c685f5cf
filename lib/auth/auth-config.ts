import "server-only";
import { CallbackRouteError } from "@auth/core/errors";
import type { NextAuthConfig } from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { getSignInEligibility } from "@/lib/invites/get-sign-in-eligibility";
import { getLogger } from "@/lib/observability/logger";
import { createAuthAdapter } from "./auth-adapter";
import { authLogger } from "./auth-logger";
import { createGitHubUserAtFirstSignIn } from "./create-github-user-at-first-sign-in";
import { deliverSignInLink } from "./deliver-sign-in-link";
import { githubProvider } from "./github-provider";
import { placeOnWaitlistAtCapacity } from "@/lib/waitlist/place-on-waitlist-at-capacity";
import { promoteAdminEmail } from "./promote-admin-email";
import { toAppSession } from "@/lib/session/read-session";
import {
  MAGIC_LINK_MAX_AGE_SECONDS,
  SESSION_IDLE_TIMEOUT_SECONDS,
  SESSION_UPDATE_AGE_SECONDS,
} from "@/lib/session/session-policy";

/** Runs work after the response has been sent: Next's `after()` in the app, a queue in tests. */
export type DeferTask = (task: () => Promise<void>) => void;

export type AuthConfigOptions = { deferTask: DeferTask };

/** The whole Auth.js configuration, in one place. Built per request (lazily: no database at build). */
export function createAuthConfig(options: AuthConfigOptions): NextAuthConfig {
  const env = getEnv();
  // next-auth reads AUTH_URL from process.env itself (for the action URL and to rewrite the request
  // URL of the route handler). lib/env.ts defaults it to APP_URL in demo; hand next-auth that value so
  // links are always built from it, never from a Host or X-Forwarded-Host header.
  process.env.AUTH_URL = env.authUrl;
  const db = getDb();
  return {
    secret: env.authSecret,
    basePath: "/api/auth",
    // Safe because AUTH_URL is always set (above): the request's own host is never used.
    trustHost: true,
    adapter: createAuthAdapter(db),
    logger: authLogger,
    session: { strategy: "database", maxAge: SESSION_IDLE_TIMEOUT_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/error" },
    providers: [
      Nodemailer({
        server: env.smtpUrl,
        from: env.mailFrom,
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        // Every address gets the same answer at the same speed: whether to mail at all is decided
        // after the response (deliverSignInLink), and the mail goes out then too.
        async sendVerificationRequest({ identifier, url }) {
          options.deferTask(() =>
            deliverSignInLink(db, { email: identifier, url }).then(
              () => undefined,
              (error: unknown) => getLogger().error({ err: error }, "sign-in link delivery failed"),
            ),
          );
        },
      }),
      ...(env.github ? [githubProvider(env.github)] : []),
    ],
    callbacks: {
      async signIn({ user, account, email }) {
        // Before a link is mailed the answer must be yes for everyone: `false` here makes Auth.js
        // answer AccessDenied for uninvited addresses only, which tells them apart.
        if (email?.verificationRequest) return true;
        // A followed link or a GitHub sign-in: only existing users and valid invites get in, and a new
        // account only while there is room under the cap (otherwise: the waitlist, and a page saying so).
        if (typeof user.email !== "string") return false;
        const eligibility = await getSignInEligibility(db, user.email);
        if (eligibility === "at_capacity") {
          await placeOnWaitlistAtCapacity(db, user.email);
          return `${env.authUrl}/sign-in/error?error=AtCapacity`;
        }
        if (eligibility !== "allowed") return false;
        // @auth/core 0.41 (lib/actions/callback/index.js) calls this callback for an OAuth callback after
        // `getUserByAccount` and before `handleLoginOrRegister` (callback/handle-login.js), whose
        // getUserByEmail, createUser and linkAccount each commit on their own. So a first GitHub sign-in
        // creates its user and link here, together, and Auth.js then finds the user by the link.
        if (account?.provider === "github") {
          await createGitHubUserAtFirstSignIn(db, {
            profile: { email: user.email, name: user.name ?? null, image: user.image ?? null, emailVerified: null },
            identity: { type: account.type, provider: account.provider, providerAccountId: account.providerAccountId },
          }).catch((error: unknown) => {
            // Answered as when this ran in the adapter's createUser: Auth.js passes its own errors through
            // the callback unchanged (anything else would become AccessDenied, hiding a fault of ours).
            throw new CallbackRouteError("GitHub account creation failed", { cause: { err: error } });
          });
        }
        return true;
      },
      // Auth.js's own session endpoint; pages read sessions directly (lib/session/read-session.ts).
      session: ({ session, user }) => toAppSession(session, user),
    },
    events: {
      async signIn({ user }) {
        if (user.id && user.email) await promoteAdminEmail(db, { id: user.id, email: user.email });
      },
    },
  };
}
