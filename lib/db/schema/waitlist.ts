import { sql } from "drizzle-orm";
import { bigserial, check, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

export const waitlistStatuses = ["waiting", "approved", "rejected", "withdrawn"] as const;
// `form`: joined on /waitlist; `capacity`: asked to sign up while the account cap was reached.
export const waitlistSources = ["form", "capacity"] as const;

// People asking for access. One row per email (joining twice changes nothing); the withdraw link's
// token is stored only as a SHA-256, and is cleared once used or once the entry is decided.
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    email: text("email").notNull().unique(),
    building: text("building").notNull(),
    link: text("link"),
    status: text("status", { enum: waitlistStatuses }).notNull().default("waiting"),
    source: text("source", { enum: waitlistSources }).notNull().default("form"),
    withdrawTokenHash: text("withdraw_token_hash").unique(),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("waitlist_email_normalised", sql`${table.email} = lower(btrim(${table.email}))`),
    index("waitlist_status_created_idx").on(table.status, table.createdAt),
    // The operators' table with no status filter, newest or oldest first (issue 18), without a sort.
    index("waitlist_created_id_idx").on(table.createdAt, table.id),
  ],
);
