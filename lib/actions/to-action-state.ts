import "server-only";
import { ZodError } from "zod";
import { toAppError } from "@/lib/errors";
import { fromZodError } from "@/lib/http/error-response";
import { reportAppError } from "@/lib/observability/report-app-error";
import type { ActionState } from "./action-state";

/**
 * The form-state twin of toErrorResponse: user problems keep their message (and the first message of
 * each bad field), system problems answer generically and keep the detail in the log.
 */
export function toActionState(thrown: unknown, context: { action: string }): ActionState {
  const error = thrown instanceof ZodError ? fromZodError(thrown) : toAppError(thrown);
  const message = reportAppError(error, { action: context.action }, "action failed");
  if (error.kind === "system") return { status: "error", code: error.code, message };
  const fields = (error.details?.fields ?? []) as Array<{ path: string; message: string }>;
  const fieldErrors = Object.fromEntries([...fields].reverse().map((field) => [field.path, field.message]));
  return {
    status: "error",
    code: error.code,
    message: fields[0]?.message ?? message,
    ...(fields.length > 0 ? { fieldErrors } : {}),
    ...(error.retryAfter !== undefined ? { retryAfterSeconds: Math.ceil(error.retryAfter) } : {}),
  };
}
