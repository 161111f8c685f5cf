// GET /account/statement/export – the signed-in account's statement as CSV, oldest first (?type= filters).
import { getStatementMovements, statementQuerySchema } from "@/lib/account/get-statement";
import { toStatementCsv } from "@/lib/account/statement-csv";
import { getCurrentSession } from "@/lib/session/get-current-session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { fromZodError } from "@/lib/http/error-response";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute("/account/statement/export", async (request) => {
  const session = await getCurrentSession();
  if (!session) throw new AppError("unauthenticated", { message: "Sign in to download your statement." });
  const parsed = statementQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fromZodError(parsed.error, `${issue?.path.join(".") || "query"}: ${issue?.message ?? "not valid"}.`);
  }
  const csv = toStatementCsv(await getStatementMovements(getDb(), session, parsed.data.type));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tandem-statement-${parsed.data.type}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
