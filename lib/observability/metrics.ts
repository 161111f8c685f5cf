import "server-only";
import { Registry, collectDefaultMetrics } from "prom-client";
import { metricsIn } from "./metrics-in";

// Route handlers can be bundled into separate module instances by Next; keeping the registry on
// globalThis makes every instance count into the one registry that /api/metrics exposes.
type Metrics = ReturnType<typeof createMetrics>;
const globalForMetrics = globalThis as unknown as { appMetrics?: Metrics };

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const { counter, histogram } = metricsIn(registry);
  return {
    registry,
    httpRequests: counter("http_requests_total", "HTTP requests answered, by route, method and outcome (success, user_issue, system_error).", ["route", "method", "outcome"]),
    httpDuration: histogram("http_request_duration_seconds", "Time to answer an HTTP request, by route, method and outcome.", ["route", "method", "outcome"], [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]),
    userIssues: counter("user_issue_total", "Requests that failed because of the user's input or state (counted as successes), by code.", ["code"]),
    systemErrors: counter("system_error_total", "Failures that are ours to fix, by code. Alarm on any increase.", ["code"]),
    meterRecords: counter("meter_records_ingested_total", "Meter records received on the billing API, by outcome (accepted, duplicate).", ["outcome"]),
    ledgerTransfers: counter("ledger_transfers_posted_total", "Ledger transfers committed, by kind (replays not counted).", ["kind"]),
    standingChanges: counter("standing_changes_total", "Account standing changes, by new state.", ["state"]),
    emailsSent: counter("emails_sent_total", "Emails handed to the SMTP server, by template.", ["template"]),
    emailsFailed: counter("emails_failed_total", "Emails the SMTP server did not accept, by template.", ["template"]),
    emailsGivenUp: counter("emails_given_up_total", "Owed emails whose last allowed try failed, so they are no longer retried, by kind (payment_notice, standing_change, outbox). Alarm on any increase.", ["kind"]),
    usageWrittenOff: counter("billing_usage_written_off_micros_total", "Micro-dollars of rated usage written off because it was past the account's overdraft floor (DESIGN section 4 \"Bounds\"). A steady rise means hosts keep serving frozen accounts."),
    spaceStandingChanges: counter("space_standing_changes_total", "Spaces paused or resumed by budgets (lib/budgets: usage crossing a pause budget, a budget changed, the month rollover), by new state (paused, active).", ["state"]),
    requestErrors: counter("render_errors_total", "Errors no handler caught while Next served a request (page renders, server components, actions, proxy), by route pattern, route type and kind (user, system).", ["route", "route_type", "kind"]),
  };
}

export function getMetrics(): Metrics {
  globalForMetrics.appMetrics ??= createMetrics();
  return globalForMetrics.appMetrics;
}
