import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

// Every operator action: who (id, and the email at the time), what, on which target, when, and the
// target's state before and after. Written in the same transaction as the action it records.
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    actorEmail: text("actor_email").notNull(),
    action: text("action").notNull(),
    target: text("target").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("audit_log_created_idx").on(table.createdAt),
    // The operator's account page lists the entries about one account (`account:<id>…`, issue 18).
    index("audit_log_target_idx").on(table.target, table.createdAt),
  ],
);
