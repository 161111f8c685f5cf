import "server-only";
import { toAppError } from "@/lib/errors";
import { getLogger } from "./logger";
import { getMetrics } from "./metrics";
import { redactString } from "./redact";
import { markErrorReported } from "./silence-reported-errors";

export type RequestErrorRequest = { path: string; method: string };
export type RequestErrorContext = { routerKind: string; routePath: string; routeType: string; renderSource?: string };

// Next's control flow travels as thrown errors with these digests (redirect(), notFound(), a bail-out to
// dynamic or client rendering): answers, not failures.
const CONTROL_FLOW_DIGEST = /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND|DYNAMIC_SERVER_USAGE|BAILOUT_TO_CLIENT_SIDE_RENDERING)/;

function digestOf(error: unknown): string | undefined {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" ? digest : undefined;
}

/**
 * What Next's `onRequestError` hook (instrumentation.ts) does with an error no handler caught: one
 * structured line (redacted, with the cause chain's codes; the path without its query string, which
 * carries tokens and typed text) and a count. Route handlers and actions catch their own errors
 * (withRoute, validatedAction), so what arrives here is mostly a page render failing. Next prints the
 * same error plainly afterwards; silenceReportedErrorsInConsole (installed by instrumentation.ts) drops
 * that copy, so it is logged once.
 */
export function reportRequestError(error: unknown, request: RequestErrorRequest, context: RequestErrorContext): void {
  const digest = digestOf(error);
  if (digest && CONTROL_FLOW_DIGEST.test(digest)) return;
  markErrorReported(error);
  const appError = toAppError(error);
  const metrics = getMetrics();
  metrics.requestErrors.inc({ route: context.routePath, route_type: context.routeType, kind: appError.kind });
  const fields = {
    err: appError.cause ?? appError,
    code: appError.code,
    route: context.routePath,
    routeType: context.routeType,
    ...(context.renderSource ? { renderSource: context.renderSource } : {}),
    method: request.method,
    path: redactString(request.path.split("?")[0] ?? ""),
    ...(digest ? { digest } : {}),
  };
  if (appError.kind === "system") {
    metrics.systemErrors.inc({ code: appError.code });
    getLogger().error(fields, "request failed");
  } else {
    metrics.userIssues.inc({ code: appError.code });
    getLogger().warn(fields, "request refused");
  }
}
