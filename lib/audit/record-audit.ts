import "server-only";
import type { AppSession } from "@/lib/session/app-session";
import type { Transaction } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

export type AuditEntry = {
  session: AppSession;
  /** `<area>.<verb>`, e.g. `waitlist.approve`. */
  action: string;
  /** What was acted on, e.g. `waitlist:42`, `invite-code:7`, `settings`. */
  target: string;
  before: unknown;
  after: unknown;
};

// bigint and Date are not JSON: store them as strings, the way the API answers them.
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item))) as unknown;
}

/** Writes one audit entry inside the caller's transaction, so the record and the action commit together. */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.session.user.id,
    actorEmail: entry.session.user.email,
    action: entry.action,
    target: entry.target,
    before: toJson(entry.before),
    after: toJson(entry.after),
  });
}
