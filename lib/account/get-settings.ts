import "server-only";
import { eq } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import type { Queryable } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { getOwnAccountOrThrow, type OwnAccount } from "./get-own-account";
import type { AlertChoices } from "@/lib/billing/standing-email-choice";
import { getAlertChoices, getSpendAlertChoices, type SpendAlertChoices } from "./update-settings";

export type AccountSettings = {
  name: string;
  email: string;
  account: OwnAccount;
  alerts: AlertChoices;
  spendAlerts: SpendAlertChoices;
};

/** What the settings page shows, for the session's own user and account. */
export async function getAccountSettings(db: Queryable, session: AppSession): Promise<AccountSettings> {
  const account = await getOwnAccountOrThrow(db, session);
  const [user, alerts, spendAlerts] = await Promise.all([
    db.select({ name: users.name }).from(users).where(eq(users.id, session.user.id)),
    getAlertChoices(db, account.accountId),
    getSpendAlertChoices(db, account.accountId),
  ]);
  return { name: user[0]?.name ?? "", email: session.user.email, account, alerts, spendAlerts };
}
