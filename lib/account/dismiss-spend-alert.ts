import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { getOwnAccountOrThrow } from "./get-own-account";

export const dismissSpendAlertSchema = z.object({
  alert: z
    .string()
    .regex(/^\d{1,18}$/, "an alert id")
    .transform((value) => BigInt(value)),
});

/**
 * Hides one spend alert's notice on the session's own account (idempotent). An alert of another account,
 * or none, is `not_found`: the id from the form is only ever looked up within the session's account.
 */
export async function dismissSpendAlert(db: Queryable, session: AppSession, alertId: bigint): Promise<void> {
  const account = await getOwnAccountOrThrow(db, session);
  const rows = await db.execute<{ id: string }>(sql`
    update spend_alerts set dismissed_at = coalesce(dismissed_at, now())
    where id = ${alertId} and account_id = ${account.accountId}
    returning id::text`);
  if (rows.rows.length === 0) throw new AppError("not_found", { message: "There is no such alert on your account." });
}
