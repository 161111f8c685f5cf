import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { billingAccounts, spaces } from "./billing-accounts";
import { transfers } from "./ledger";
import { users } from "./users";

// An outage an operator declared (issue 18, "Incidents: do not bill system problems"): the usage its
// affected spaces were billed for in [starts_at, ends_at) is credited back, once per account. The window
// is stored as declared; the hours it covers are derived (lib/incidents/incident-window.ts). The
// `credited_*` columns are set once, in the transaction that posts the credits; they never change back.
export const incidents = pgTable(
  "incidents",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    title: text("title").notNull(),
    summary: text("summary"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    // true: every space of every account; false: the spaces in incident_spaces.
    isAllSpaces: boolean("is_all_spaces").notNull(),
    declaredBy: text("declared_by")
      .notNull()
      .references(() => users.id),
    declaredAt: timestamp("declared_at", { withTimezone: true }).notNull().defaultNow(),
    creditedBy: text("credited_by").references(() => users.id),
    creditedAt: timestamp("credited_at", { withTimezone: true }),
    creditedMicros: bigint("credited_micros", { mode: "bigint" }),
    creditedAccounts: integer("credited_accounts"),
  },
  (table) => [
    index("incidents_declared_idx").on(table.declaredAt),
    check("incidents_window_ordered", sql`${table.endsAt} > ${table.startsAt}`),
  ],
);

// The spaces an incident names, when it does not affect all of them.
export const incidentSpaces = pgTable(
  "incident_spaces",
  {
    incidentId: bigint("incident_id", { mode: "bigint" })
      .notNull()
      .references(() => incidents.id),
    spaceId: bigint("space_id", { mode: "bigint" })
      .notNull()
      .references(() => spaces.id),
  },
  (table) => [primaryKey({ columns: [table.incidentId, table.spaceId] })],
);

// The credit each account got for an incident: the transfer is the money (keyed `incident:<id>:<account>`),
// this row is how the incident page finds its credits without scanning the transfers. Written in the
// transaction that posts them; its primary key is a second guard against crediting an account twice.
export const incidentCredits = pgTable(
  "incident_credits",
  {
    incidentId: bigint("incident_id", { mode: "bigint" })
      .notNull()
      .references(() => incidents.id),
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    transferId: bigint("transfer_id", { mode: "bigint" })
      .notNull()
      .references(() => transfers.id),
    amountMicros: bigint("amount_micros", { mode: "bigint" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.incidentId, table.accountId] })],
);
