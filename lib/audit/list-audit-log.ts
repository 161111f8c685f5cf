import "server-only";
import { desc } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Queryable } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

export type AuditLogEntry = typeof auditLog.$inferSelect;

/** The newest operator actions first (operators only). */
export async function listAuditLog(db: Queryable, session: AppSession | null, limit = 200): Promise<AuditLogEntry[]> {
  requireAdmin(session);
  return db.select().from(auditLog).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(limit);
}
