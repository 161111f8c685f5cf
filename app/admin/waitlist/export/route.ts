// GET /admin/waitlist/export – the waitlist entries the table's query matches (all pages), as CSV; operators only.
import { getWaitlistCsv } from "@/lib/admin/get-waitlist-csv";
import { parseWaitlistQueryOrThrow } from "@/lib/admin/waitlist-query";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { getCurrentSession } from "@/lib/session/get-current-session";
import { requireAdmin } from "@/lib/session/require-admin";

export const dynamic = "force-dynamic";

export const GET = withRoute("/admin/waitlist/export", async (request) => {
  // The role first: to anyone else the route is a 404 whatever the query, as the admin pages are.
  const session = requireAdmin(await getCurrentSession());
  const query = parseWaitlistQueryOrThrow(Object.fromEntries(new URL(request.url).searchParams));
  const csv = await getWaitlistCsv(getDb(), session, query);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tandem-waitlist-${query.status}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
