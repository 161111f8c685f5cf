import "server-only";
import type { Database } from "@/lib/db/client";
import { welcomeDismissals } from "@/lib/db/schema";
import type { AppSession } from "@/lib/session/app-session";
import { getOwnAccountOrThrow } from "./get-own-account";

/** Closes the welcome panel of the session's own account, for good and on every device (idempotent). */
export async function dismissWelcome(db: Database, session: AppSession): Promise<void> {
  const account = await getOwnAccountOrThrow(db, session);
  await db.insert(welcomeDismissals).values({ accountId: account.accountId }).onConflictDoNothing();
}
