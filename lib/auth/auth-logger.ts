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
    const isRefusal = isAppError(thrown) && thrown.kind === "user";
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
