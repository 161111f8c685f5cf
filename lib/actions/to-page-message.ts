import "server-only";
import { ZodError } from "zod";
import { toAppError, type ErrorCode } from "@/lib/errors";
import { fromZodError } from "@/lib/http/error-response";
import { reportAppError } from "@/lib/observability/report-app-error";

export type PageMessage = { code: ErrorCode; message: string };

/**
 * The page twin of toActionState, for a page that shows a failure of its data function in place
 * instead of the error page: counted and logged like every other answer, with the message a person
 * may read. The page may word a code better for its context; it picks by `code`.
 */
export function toPageMessage(thrown: unknown, context: { page: string }): PageMessage {
  const error = thrown instanceof ZodError ? fromZodError(thrown) : toAppError(thrown);
  return { code: error.code, message: reportAppError(error, { page: context.page }, "page failed") };
}
