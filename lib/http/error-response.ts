import "server-only";
import { ZodError } from "zod";
import { AppError, toAppError } from "@/lib/errors";
import { reportAppError } from "@/lib/observability/report-app-error";
import { jsonResponse } from "./json-response";

export type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

/** A zod failure as a `validation_failed` AppError whose details name each bad field. */
export function fromZodError(error: ZodError, message?: string): AppError {
  const fields = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  return new AppError("validation_failed", { message, details: { fields } });
}

/**
 * The one mapping from a thrown value to an HTTP answer. User problems keep their message and details;
 * system problems answer a generic message and keep the detail in the log only.
 */
export function toErrorResponse(thrown: unknown, context: { route: string }): Response {
  const error = thrown instanceof ZodError ? fromZodError(thrown) : toAppError(thrown);
  const message = reportAppError(error, { route: context.route }, "request failed");
  const body: ErrorBody = {
    error: {
      code: error.code,
      message,
      ...(error.kind === "user" && error.details ? { details: error.details } : {}),
    },
  };
  const headers = new Headers({ "cache-control": "no-store" });
  if (error.retryAfter !== undefined) headers.set("retry-after", String(Math.ceil(error.retryAfter)));
  // RFC 9110: a 401 names the scheme the client should use (route handlers authenticate by bearer token).
  if (error.code === "unauthenticated") headers.set("www-authenticate", 'Bearer realm="tandem"');
  return jsonResponse(body, { status: error.status, headers });
}
