import "server-only";
import { sql } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Queryable } from "@/lib/db/client";
import { getLaunchSettings, type LaunchSettings } from "@/lib/settings/launch-settings";

export type AdminOverview = { settings: LaunchSettings; accounts: number; waiting: number; pendingInvites: number; liveCodes: number };

/** The figures on the admin home page, with the settings form's current values (operators only). */
export async function getAdminOverview(db: Queryable, session: AppSession | null): Promise<AdminOverview> {
  requireAdmin(session);
  const [settings, counts] = await Promise.all([
    getLaunchSettings(db),
    db.execute<{ accounts: string; waiting: string; pending: string; codes: string }>(sql`
      select (select count(*) from "user" where role <> 'admin')::text as accounts,
        (select count(*) from waitlist_entries where status = 'waiting')::text as waiting,
        (select count(*) from invites where status = 'pending' and expires_at > now())::text as pending,
        (select count(*) from invite_codes where revoked_at is null and expires_at > now() and uses_left > 0)::text as codes`),
  ]);
  const row = counts.rows[0];
  return {
    settings,
    accounts: Number(row?.accounts ?? 0),
    waiting: Number(row?.waiting ?? 0),
    pendingInvites: Number(row?.pending ?? 0),
    liveCodes: Number(row?.codes ?? 0),
  };
}
