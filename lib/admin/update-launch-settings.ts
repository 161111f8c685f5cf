import "server-only";
import { sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Database } from "@/lib/db/client";
import { launchSettings } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { getLaunchSettings, type LaunchSettings } from "@/lib/settings/launch-settings";
import { MAX_PROMOTIONAL_GRANT_MICROS } from "@/lib/settings/promotional-grant";

/** An operator changes the launch mode, account cap, member invite allowance or welcome credit; audited with before/after. */
export async function updateLaunchSettings(db: Database, session: AppSession | null, next: LaunchSettings): Promise<LaunchSettings> {
  const admin = requireAdmin(session);
  // The form's schema checks this too; the data layer refuses it whoever calls.
  if (next.promotionalGrantMicros < 0n || next.promotionalGrantMicros > MAX_PROMOTIONAL_GRANT_MICROS) {
    throw new AppError("validation_failed", { message: "The welcome credit must be between $0 and $100." });
  }
  return runTransaction(db, async (tx) => {
    // Serialises concurrent edits so each audit entry's `before` is what that edit replaced.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('settings'))`);
    const before = await getLaunchSettings(tx);
    await tx
      .insert(launchSettings)
      .values({ id: true, ...next, updatedBy: admin.user.id })
      .onConflictDoUpdate({ target: launchSettings.id, set: { ...next, updatedBy: admin.user.id, updatedAt: sql`now()` } });
    await recordAudit(tx, { session: admin, action: "settings.update", target: "settings", before, after: next });
    return next;
  });
}
