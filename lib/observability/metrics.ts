import "server-only";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// Route handlers can be bundled into separate module instances by Next; keeping the registry on
// globalThis makes every instance count into the one registry that /api/metrics exposes.
type Metrics = ReturnType<typeof createMetrics>;
const globalForMetrics = globalThis as unknown as { appMetrics?: Metrics };

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by route, method and outcome (success, user_issue, system_error).",
      labelNames: ["route", "method", "outcome"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route, method and outcome.",
      labelNames: ["route", "method", "outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    userIssues: new Counter({
      name: "user_issue_total",
      help: "Requests that failed because of the user's input or state (counted as successes), by code.",
      labelNames: ["code"] as const,
      registers: [registry],
    }),
    systemErrors: new Counter({
      name: "system_error_total",
      help: "Failures that are ours to fix, by code. Alarm on any increase.",
      labelNames: ["code"] as const,
      registers: [registry],
    }),
    meterRecords: new Counter({
      name: "meter_records_ingested_total",
      help: "Meter records received on the billing API, by outcome (accepted, duplicate).",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    ledgerTransfers: new Counter({
      name: "ledger_transfers_posted_total",
      help: "Ledger transfers committed, by kind (replays not counted).",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    standingChanges: new Counter({
      name: "standing_changes_total",
      help: "Account standing changes, by new state.",
      labelNames: ["state"] as const,
      registers: [registry],
    }),
    emailsSent: new Counter({
      name: "emails_sent_total",
      help: "Emails handed to the SMTP server, by template.",
      labelNames: ["template"] as const,
      registers: [registry],
    }),
    emailsFailed: new Counter({
      name: "emails_failed_total",
      help: "Emails the SMTP server did not accept, by template.",
      labelNames: ["template"] as const,
      registers: [registry],
    }),
    emailsGivenUp: new Counter({
      name: "emails_given_up_total",
      help: "Owed emails whose last allowed try failed, so they are no longer retried, by kind (payment_notice, standing_change, outbox). Alarm on any increase.",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    requestErrors: new Counter({
      name: "render_errors_total",
      help: "Errors no handler caught while Next served a request (page renders, server components, actions, proxy), by route pattern, route type and kind (user, system).",
      labelNames: ["route", "route_type", "kind"] as const,
      registers: [registry],
    }),
  };
}

export function getMetrics(): Metrics {
  globalForMetrics.appMetrics ??= createMetrics();
  return globalForMetrics.appMetrics;
}
