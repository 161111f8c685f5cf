// POST /api/billing/v1/usage – ingest a batch of meter records from the platform's hosts, all or nothing.
import { authorizeBillingRequestOrThrow } from "@/lib/billing/api/authorize-billing-request";
import { parseUsageBatchOrThrow } from "@/lib/billing/api/parse-usage-batch";
import { readJsonBodyOrThrow } from "@/lib/billing/api/read-json-body";
import { privateJson } from "@/lib/billing/api/responses";
import { MAX_USAGE_BODY_BYTES, type UsageResult } from "@/lib/billing/api/schemas";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { notifyStandingChanges } from "@/lib/billing/notify-standing-changes";
import { sendOutboxEmailsNow } from "@/lib/email/send-outbox-emails";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { runAfterResponse } from "@/lib/http/run-after-response";
import { methodHandlers } from "@/lib/billing/api/method-not-allowed";
import { deliverPlatformEventsNow } from "@/lib/platform-events/deliver-platform-events";

export const dynamic = "force-dynamic";

export const POST = withRoute("/api/billing/v1/usage", async (request) => {
  const db = getDb();
  // proxy.ts's matcher skips this route (for speed), so its X-Forwarded-For is read as an unproxied one.
  await authorizeBillingRequestOrThrow(db, request, "ingest", { skipsProxy: true });
  const records = parseUsageBatchOrThrow(await readJsonBodyOrThrow(request, MAX_USAGE_BODY_BYTES));
  const { accepted, duplicates, standingChanges, budgetEmailIds = [], eventAccountIds = [] } = await ingestUsage(db, records);
  // Emails and webhooks go out after the answer; unsent ones stay owed for the next sweep.
  if (standingChanges.length > 0) {
    const accountIds = standingChanges.map((change) => change.accountId);
    runAfterResponse("standing emails", () => notifyStandingChanges(db, { accountIds }));
  }
  // An account's standing change or a space paused or resumed by a budget.
  if (eventAccountIds.length > 0) runAfterResponse("platform webhooks", () => deliverPlatformEventsNow(db, eventAccountIds));
  if (budgetEmailIds.length > 0) runAfterResponse("budget emails", () => sendOutboxEmailsNow(db, budgetEmailIds));
  return privateJson({ accepted, duplicates } satisfies UsageResult);
});

// Other methods: a JSON 405 with `Allow`, and an OPTIONS that names only POST.
const { notAllowed, options } = methodHandlers("/api/billing/v1/usage", ["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as DELETE, notAllowed as PATCH, options as OPTIONS };
