import "server-only";
import { AuthError } from "@auth/core/errors";
import { isAppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";

// Auth.js failures caused by the person (a used link, a revoked invite, a stale form) rather than by us:
// logged as information, not as errors that page someone.
const USER_PROBLEMS = new Set(["Verification", "AccessDenied", "MissingCSRF", "OAuthAccountNotLinked", "AccountNotLinked", "OAuthCallbackError"]);

/** Whether an error Auth.js reports is a sign-in refused on purpose, not a fault of ours. */
export function isSignInRefusal(error: Error): boolean {
  const type = error instanceof AuthError ? error.type : undefined;
  // Our adapter or signIn callback refusing on purpose (say, the account cap was reached mid-sign-in) is
  // not a fault. (Auth.js wraps a thrown error as `cause: { err }`.)
  const thrown = (error.cause as { err?: unknown } | undefined)?.err ?? error.cause;
  // GitHub refusing the code it was handed (expired, used, or made up): a replayed or forged callback,
  // not a fault of ours. Its other refusals (bad client credentials, say) are ours and stay errors.
  // GitHub answers it with HTTP 200 and `{ error }` instead of a token, so oauth4webapi throws an
  // OAUTH_INVALID_RESPONSE whose `cause.body` is GitHub's answer.
  const answer = (thrown as { error?: unknown; cause?: { body?: { error?: unknown } } } | undefined) ?? {};
  const isStaleCode = (answer.error ?? answer.cause?.body?.error) === "bad_verification_code";
  if ((isAppError(thrown) && thrown.kind === "user") || isStaleCode) return true;
  // Anything else thrown in the signIn callback (the database gone while creating a GitHub user, say)
  // reaches here as AccessDenied too: that one is ours.
  if (type === "AccessDenied" && thrown instanceof Error) return false;
  return type !== undefined && USER_PROBLEMS.has(type);
}

/** Auth.js's logger, routed into our structured (and redacting) log instead of bare console lines. */
export const authLogger = {
  error(error: Error) {
    const type = error instanceof AuthError ? error.type : undefined;
    if (isSignInRefusal(error)) getLogger().info({ authError: type }, "sign-in refused");
    else getLogger().error({ err: error.cause instanceof Error ? error.cause : error, authError: type }, "auth failed");
  },
  warn(code: string) {
    getLogger().warn({ authWarning: code }, "auth warning");
  },
  debug(message: string, metadata?: unknown) {
    getLogger().debug({ metadata }, `auth: ${message}`);
  },
};
