import { defineConfig } from "drizzle-kit";

// Migrations are generated (`npm run db:generate`) and committed; never `db push`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./lib/db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://unused@127.0.0.1/unused" },
});
