// The whole schema, one file per domain; drizzle-kit reads this file to generate migrations
// (drizzle.config.ts). The same layers as lib/ (.dependency-cruiser.cjs), from the bottom up.

// Foundation: the operators' launch settings, rate-limit counters.
export * from "./settings";
export * from "./rate-limits";

// Identity: the Auth.js user, account, session and verification-token tables.
export * from "./users";
export * from "./auth";

// Money, the ledger: ledger accounts, immutable transfers and entries.
export * from "./ledger";

// Money, billing: the billing account, its spaces, standing changes, alert choices and closing.
export * from "./billing-accounts";

// Money, billing: an operator's freeze in force (issue 18), which the standing rules honour.
export * from "./account-freezes";

// Money, spend controls (issue 19): budgets, paused spaces, spend alerts; billing contacts.
export * from "./spend-controls";
export * from "./billing-contacts";

// Money, billing: rate cards, meter records, rating remainders, usage by hour and its rollups
// (usage_days by day, usage_account_hours by account and hour); platform tokens for the billing API.
export * from "./usage";
export * from "./usage-days";
export * from "./usage-account-hours";

// Money, payments: Stripe customers, top-ups, webhook events; auto-recharge and saved cards; notices.
export * from "./payments";
export * from "./auto-recharge";
export * from "./payment-notices";

// Money, invoices (issue 20): the Stripe invoice behind each card credit, and credit notes for refunds.
export * from "./invoices";

// Access and signup: the audit log, invites and invite codes, the waitlist.
export * from "./audit-log";
export * from "./invites";
export * from "./waitlist";

// The platform's webhooks owed: standing changes of accounts and spaces (foundation outbox).
export * from "./platform-events";

// Access: customers' personal read-only API keys.
export * from "./personal-api-keys";

// Emails owed (invitations and waitlist mails) that are not payment notices or standing changes.
export * from "./email-outbox";

// The account area: the welcome panel a new account's owner closed.
export * from "./welcome-dismissals";

// Operations: incidents an operator declared and the spaces they affect (their credits are transfers).
export * from "./incidents";
// Operations: manual adjustments and their two-person approvals (issue 18).
export * from "./adjustment-requests";
// Operators' writes: rate cards being drafted before they are published as a rate_cards version.
export * from "./rate-card-drafts";
