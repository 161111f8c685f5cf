import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";

// The dashboard's welcome panel, closed by its owner (issue 17, "The first run"). Kept on the server, so
// it stays closed on every device; the panel also goes once the account's first usage arrives.
export const welcomeDismissals = pgTable("welcome_dismissals", {
  accountId: text("account_id")
    .primaryKey()
    .references(() => billingAccounts.id),
  dismissedAt: timestamp("dismissed_at", { withTimezone: true }).notNull().defaultNow(),
});
