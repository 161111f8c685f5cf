import "server-only";
import { errorTable, type AppError } from "@/lib/errors";
import { getLogger } from "./logger";
import { getMetrics } from "./metrics";

/**
 * The one way a caught AppError is counted and logged, shared by every answer built from it (an HTTP
 * error, a form's state, a page's message). Returns what a person may read: a user problem's own
 * message; for a system problem only the table's generic one, the detail going to the log.
 */
export function reportAppError(error: AppError, where: Record<string, string>, logMessage: string): string {
  const metrics = getMetrics();
  if (error.kind === "user") {
    metrics.userIssues.inc({ code: error.code });
    return error.message;
  }
  metrics.systemErrors.inc({ code: error.code });
  getLogger().error({ err: error.cause ?? error, code: error.code, ...where }, logMessage);
  return errorTable[error.code].message;
}
