import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { adjustmentRequests } from "@/lib/db/schema";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";

/** How many adjustments wait for a second operator (operators only): the overview's "needs attention". */
export async function countPendingApprovals(db: Queryable, session: AppSession | null): Promise<number> {
  requireAdmin(session);
  return db.$count(adjustmentRequests, eq(adjustmentRequests.status, "pending"));
}
