import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** The billing account owned by the user with this email (trimmed, case-insensitive), else a 404. */
export async function findAccountIdByEmailOrThrow(db: Queryable, email: string): Promise<string> {
  const rows = await db.execute<{ id: string }>(sql`
    select b.id from "user" u join billing_accounts b on b.owner_user_id = u.id
    where lower(u.email) = ${email.trim().toLowerCase()}`);
  const id = rows.rows[0]?.id;
  if (id === undefined) throw new AppError("not_found", { message: "No billing account has that email." });
  return id;
}
