import type { Instrumentation } from "next";

// Next calls register() once per server process: start the background job workers (auto-recharge,
// payments reconciliation, pruning) inside the Node server, so `npm start` and the e2e server run them.
// JOBS_DISABLED=1 leaves them to a separate worker process.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // onRequestError below logs each uncaught error once, structured; Next's plain copy is dropped.
  const { silenceReportedErrorsInConsole } = await import("./lib/observability/silence-reported-errors");
  silenceReportedErrorsInConsole();
  // A pooled connection that dies while idle (Postgres restarting) is logged once, not an uncaught exception.
  const [{ setPoolErrorReporter }, { getLogger }] = await Promise.all([import("./lib/db/client"), import("./lib/observability/logger")]);
  setPoolErrorReporter((error) => getLogger().warn({ err: error }, "an idle database connection was lost"));
  // The server calls of the zero-JS pages, which cannot import server-only modules (lib/actions/page-server-call.ts).
  const { registerPageServerCalls } = await import("./lib/server-start/page-server-calls");
  registerPageServerCalls();
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.JOBS_DISABLED === "1" || !process.env.DATABASE_URL) return;
  const { startJobs } = await import("./lib/jobs/start-jobs");
  try {
    await startJobs();
  } catch (error) {
    // The site still serves; the sweep is retried at the next server start. Logged, not thrown.
    getLogger().error({ err: error }, "background jobs did not start");
  }
}

// Errors no handler caught (a page render failing): one structured, redacted line with the cause's
// codes, and a count on /api/metrics, instead of only Next's plain console output.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportRequestError } = await import("./lib/observability/report-request-error");
  reportRequestError(error, request, context);
};
