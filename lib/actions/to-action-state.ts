import "server-only";
import { ZodError } from "zod";
import { errorTable, toAppError } from "@/lib/errors";
import { fromZodError } from "@/lib/http/error-response";
import { getLogger } from "@/lib/observability/logger";
import { getMetrics } from "@/lib/observability/metrics";
import type { ActionState } from "./action-state";

/**
 * The form-state twin of toErrorResponse: user problems keep their message (and the first message of
 * each bad field), system problems answer generically and keep the detail in the log.
 */
export function toActionState(thrown: unknown, context: { action: string }): ActionState {
  const error = thrown instanceof ZodError ? fromZodError(thrown) : toAppError(thrown);
  const metrics = getMetrics();
  if (error.kind === "system") {
    metrics.systemErrors.inc({ code: error.code });
    getLogger().error({ err: error.cause ?? error, code: error.code, action: context.action }, "action failed");
    return { status: "error", code: error.code, message: errorTable[error.code].message };
  }
  metrics.userIssues.inc({ code: error.code });
  const fields = (error.details?.fields ?? []) as Array<{ path: string; message: string }>;
  const fieldErrors = Object.fromEntries([...fields].reverse().map((field) => [field.path, field.message]));
  return {
    status: "error",
    code: error.code,
    message: fields[0]?.message ?? error.message,
    ...(fields.length > 0 ? { fieldErrors } : {}),
    ...(error.retryAfter !== undefined ? { retryAfterSeconds: Math.ceil(error.retryAfter) } : {}),
  };
}
