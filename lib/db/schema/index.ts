// The whole schema, split by domain. drizzle-kit reads this file to generate migrations.
export * from "./rate-limits";
