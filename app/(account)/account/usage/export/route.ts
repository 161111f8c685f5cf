// GET /account/usage/export – the usage table of the signed-in account as CSV (the page's query string).
import { getUsageCsv } from "@/lib/account/usage-csv";
import { parseUsageSelectionOrThrow } from "@/lib/account/parse-usage-selection";
import { getCurrentSession } from "@/lib/session/get-current-session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute("/account/usage/export", async (request) => {
  const session = await getCurrentSession();
  if (!session) throw new AppError("unauthenticated", { message: "Sign in to download your usage." });
  const selection = parseUsageSelectionOrThrow(Object.fromEntries(new URL(request.url).searchParams));
  const csv = await getUsageCsv(getDb(), session, selection);
  const name = `tandem-usage-${selection.from.toISOString().slice(0, 10)}-${selection.granularity}-by-${selection.group}.csv`;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
});
