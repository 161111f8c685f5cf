import "server-only";
import { AuthError } from "next-auth";
import { isAppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";

// Auth.js failures caused by the person (a used link, a revoked invite, a stale form) rather than by us:
// logged as information, not as errors that page someone.
const USER_PROBLEMS = new Set(["Verification", "AccessDenied", "MissingCSRF", "OAuthAccountNotLinked", "AccountNotLinked", "OAuthCallbackError"]);

/** Auth.js's logger, routed into our structured (and redacting) log instead of bare console lines. */
export const authLogger = {
  error(error: Error) {
    const type = error instanceof AuthError ? error.type : undefined;
    // Our adapter refusing on purpose (say, the account cap was reached mid-sign-in) is not a fault.
    // (Auth.js wraps a thrown error as `cause: { err }`.)
    const thrown = (error.cause as { err?: unknown } | undefined)?.err ?? error.cause;
    // GitHub refusing the code it was handed (expired, used, or made up): a replayed or forged callback,
    // not a fault of ours. Its other refusals (bad client credentials, say) are ours and stay errors.
    const isStaleCode = (thrown as { error?: unknown } | undefined)?.error === "bad_verification_code";
    const isRefusal = (isAppError(thrown) && thrown.kind === "user") || isStaleCode;
    if ((type !== undefined && USER_PROBLEMS.has(type)) || isRefusal) getLogger().info({ authError: type }, "sign-in refused");
    else getLogger().error({ err: error.cause instanceof Error ? error.cause : error, authError: type }, "auth failed");
  },
  warn(code: string) {
    getLogger().warn({ authWarning: code }, "auth warning");
  },
  debug(message: string, metadata?: unknown) {
    getLogger().debug({ metadata }, `auth: ${message}`);
  },
};
