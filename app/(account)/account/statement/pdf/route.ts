// GET /account/statement/pdf?month=YYYY-MM – the signed-in account's statement for one UTC month as a PDF.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/http/with-route";
import { getMonthlyStatementPdf } from "@/lib/monthly-statements/get-monthly-statement-pdf";
import { getCurrentSession } from "@/lib/session/get-current-session";

export const dynamic = "force-dynamic";

export const GET = withRoute("/account/statement/pdf", async (request) => {
  const session = await getCurrentSession();
  if (!session) throw new AppError("unauthenticated", { message: "Sign in to download your statement." });
  const pdf = await getMonthlyStatementPdf(
    getDb(),
    session,
    new URL(request.url).searchParams.get("month") ?? undefined,
  );
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${pdf.filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
