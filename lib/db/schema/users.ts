import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// The shape the Auth.js Postgres (Drizzle) adapter expects, so signup adopts this table as it is.
// `role` and `createdAt` are ours; the adapter ignores columns it does not know.
// Auth.js lowercases emails, but some lookups (the billing API's account-by-email) match
// case-insensitively: `user_email_lower_idx` serves `lower(email) = …`.
export const users = pgTable(
  "user",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text("name"),
    email: text("email").unique(),
    emailVerified: timestamp("emailVerified", { mode: "date", withTimezone: true }),
    image: text("image"),
    role: text("role", { enum: ["user", "admin"] })
      .notNull()
      .default("user"),
    createdAt: timestamp("createdAt", { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    // The IANA zone the account area shows dates in; null until the person chooses (the browser's then).
    timeZone: text("timeZone"),
  },
  (table) => [index("user_email_lower_idx").on(sql`lower(${table.email})`)],
);
