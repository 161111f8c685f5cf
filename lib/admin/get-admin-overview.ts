import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Queryable } from "@/lib/db/client";
import { inviteCodes, invites, users, waitlistEntries } from "@/lib/db/schema";
import { selectValues } from "@/lib/db/select-values";
import { cappedUsers } from "@/lib/invites/account-capacity";
import { getLaunchSettings, type LaunchSettings } from "@/lib/settings/launch-settings";
import { countNeedsAttention, type NeedsAttention } from "./count-needs-attention";

export type AdminOverview = {
  settings: LaunchSettings;
  accounts: number;
  waiting: number;
  pendingInvites: number;
  liveCodes: number;
  attention: NeedsAttention;
};

/** The figures on the admin home page, with the settings form's current values (operators only). */
export async function getAdminOverview(db: Queryable, session: AppSession | null): Promise<AdminOverview> {
  requireAdmin(session);
  const [settings, counts, attention] = await Promise.all([
    getLaunchSettings(db),
    // One statement, so the four figures are one snapshot.
    selectValues(db, {
      accounts: db.$count(users, cappedUsers),
      waiting: db.$count(waitlistEntries, eq(waitlistEntries.status, "waiting")),
      pendingInvites: db.$count(invites, and(eq(invites.status, "pending"), gt(invites.expiresAt, sql`now()`))),
      liveCodes: db.$count(inviteCodes, and(isNull(inviteCodes.revokedAt), gt(inviteCodes.expiresAt, sql`now()`), gt(inviteCodes.usesLeft, 0))),
    }),
    countNeedsAttention(db),
  ]);
  return { settings, ...counts, attention };
}
