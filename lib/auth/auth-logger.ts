import "server-only";
import { AuthError } from "next-auth";
import { getLogger } from "@/lib/observability/logger";

// Auth.js failures caused by the person (a used link, a revoked invite, a stale form) rather than by us:
// logged as information, not as errors that page someone.
const USER_PROBLEMS = new Set(["Verification", "AccessDenied", "MissingCSRF", "OAuthAccountNotLinked", "AccountNotLinked", "OAuthCallbackError"]);

/** Auth.js's logger, routed into our structured (and redacting) log instead of bare console lines. */
export const authLogger = {
  error(error: Error) {
    const type = error instanceof AuthError ? error.type : undefined;
    if (type !== undefined && USER_PROBLEMS.has(type)) getLogger().info({ authError: type }, "sign-in refused");
    else getLogger().error({ err: error.cause instanceof Error ? error.cause : error, authError: type }, "auth failed");
  },
  warn(code: string) {
    getLogger().warn({ authWarning: code }, "auth warning");
  },
  debug(message: string, metadata?: unknown) {
    getLogger().debug({ metadata }, `auth: ${message}`);
  },
};
