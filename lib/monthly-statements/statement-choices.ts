import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getOwnAccountOrThrow } from "@/lib/account/get-own-account";
import { billingContactIdSchema } from "@/lib/billing-contacts/billing-contact-schema";
import type { Database, Queryable } from "@/lib/db/client";
import { alertPreferences } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";

// The monthly statement's opt-ins (issue 20): the owner's switch (alert_preferences.monthly_statement,
// on until turned off) and each billing contact's (billing_contacts.monthly_statement, off until the
// owner turns it on for them). Both act on the session's own account only.

// An unticked checkbox is absent from the form: absent means "no", "on" means "yes".
export const statementChoiceSchema = z.object({
  monthlyStatement: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});

export const contactStatementChoiceSchema = billingContactIdSchema.extend({
  monthlyStatement: z.enum(["on", "off"], { error: "Say on or off." }).transform((value) => value === "on"),
});

/** Whether the owner of `accountId` gets the monthly statement (no row: yes). */
export async function getStatementChoice(db: Queryable, accountId: string): Promise<boolean> {
  const rows = await db
    .select({ isOn: alertPreferences.monthlyStatement })
    .from(alertPreferences)
    .where(eq(alertPreferences.accountId, accountId));
  return rows[0]?.isOn ?? true;
}

/** Turns the owner's monthly statement email on or off; the other email choices stay as they are. */
export async function setStatementChoice(db: Database, session: AppSession, isOn: boolean): Promise<void> {
  const account = await getOwnAccountOrThrow(db, session);
  // A new row takes every other switch's default (all on), as if it had never been set.
  await db
    .insert(alertPreferences)
    .values({ accountId: account.accountId, monthlyStatement: isOn })
    .onConflictDoUpdate({ target: alertPreferences.accountId, set: { monthlyStatement: isOn, updatedAt: sql`now()` } });
}

/**
 * Turns a billing contact's monthly statement on or off. Scoped by the session's user id in the
 * statement itself: another account's contact is `not_found`. A contact that unsubscribed stays
 * unsubscribed (nothing is sent to it whatever this says).
 */
export async function setContactStatementChoice(
  db: Queryable,
  session: AppSession,
  choice: { contactId: bigint; monthlyStatement: boolean },
): Promise<string> {
  const updated = await db.execute<{ email: string }>(sql`
    update billing_contacts c set monthly_statement = ${choice.monthlyStatement}
    from billing_accounts a
    where c.id = ${choice.contactId} and a.id = c.account_id and a.owner_user_id = ${session.user.id}
    returning c.email`);
  const row = updated.rows[0];
  if (!row) throw new AppError("not_found", { message: "That contact is not on this account." });
  return row.email;
}
