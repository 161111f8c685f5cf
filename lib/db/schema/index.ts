// The whole schema, split by domain. drizzle-kit reads this file to generate migrations.
export * from "./auth";
export * from "./billing-accounts";
export * from "./invites";
export * from "./ledger";
export * from "./rate-limits";
export * from "./usage";
export * from "./users";
export * from "./payments";
export * from "./audit-log";
export * from "./settings";
export * from "./waitlist";
export * from "./auto-recharge";
export * from "./account-area";
export * from "./usage-account-hours";
export * from "./payment-notices";
export * from "./email-outbox";
