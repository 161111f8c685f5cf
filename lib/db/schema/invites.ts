import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./users";

export const inviteStatuses = ["pending", "used", "revoked"] as const;
export const inviteSources = ["waitlist", "operator", "member", "code"] as const;

// Codes an operator hands out: whoever redeems one (while uses are left, before it expires, unless
// revoked) gets an invite with source `code`. Only a SHA-256 of the code is stored.
export const inviteCodes = pgTable(
  "invite_codes",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    codeHash: text("code_hash").notNull().unique(),
    usesLeft: integer("uses_left").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    note: text("note"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check("invite_codes_uses_left_non_negative", sql`${table.usesLeft} >= 0`)],
);

// Permission for one email to create an account (DESIGN section 8). Emails are stored the way Auth.js
// normalises them (lowercased, trimmed) so that lookups by the signing-in address match exactly.
// At most one pending invite per email: approving twice or redeeming a second code is idempotent.
export const invites = pgTable(
  "invites",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    email: text("email").notNull(),
    status: text("status", { enum: inviteStatuses }).notNull().default("pending"),
    source: text("source", { enum: inviteSources }).notNull(),
    inviteCodeId: bigint("invite_code_id", { mode: "bigint" }).references(() => inviteCodes.id),
    createdBy: text("created_by").references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '14 days'`),
    usedAt: timestamp("used_at", { withTimezone: true }),
    usedBy: text("used_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("invites_email_normalised", sql`${table.email} = lower(btrim(${table.email}))`),
    check("invites_code_source", sql`(${table.source} = 'code') = (${table.inviteCodeId} is not null)`),
    check("invites_used_consistent", sql`(${table.status} = 'used') = (${table.usedAt} is not null)`),
    uniqueIndex("invites_one_pending_per_email_idx").on(table.email).where(sql`${table.status} = 'pending'`),
    index("invites_email_idx").on(table.email),
  ],
);
