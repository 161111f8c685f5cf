// A billing account and platform token of the fuzz suite's own, and what a refused request must leave
// unchanged: every count is scoped to that account, so other specs running beside it do not move it.
import type { Page } from "@playwright/test";
import type pg from "pg";
import { createPlatformToken, signInNewPerson } from "../account/account-steps";

export type FuzzAccount = { email: string; accountId: string; token: string };

export async function createFuzzAccount(page: Page, database: pg.Pool, invite: (email: string) => Promise<void>, label: string): Promise<FuzzAccount> {
  const email = await signInNewPerson(page, invite, label);
  const { rows } = await database.query<{ id: string }>(
    `select b.id from billing_accounts b join "user" u on u.id = b.owner_user_id where u.email = $1`,
    [email],
  );
  return { email, accountId: rows[0]!.id, token: await createPlatformToken(database) };
}

/** Rows and money of one account: meter records, spaces, ledger entries and the cached balance. */
export async function accountSnapshot(database: pg.Pool, accountId: string): Promise<Record<string, string>> {
  const { rows } = await database.query<Record<string, string>>(
    `select
       (select count(*) from meter_records where account_id = $1)::text as meter_records,
       (select count(*) from spaces where account_id = $1)::text as spaces,
       (select count(*) from usage_hours where account_id = $1)::text as usage_hours,
       (select count(*) from entries e join ledger_accounts l on l.id = e.ledger_account_id where l.billing_account_id = $1)::text as entries,
       (select coalesce(sum(e.amount_micros), 0) from entries e join ledger_accounts l on l.id = e.ledger_account_id where l.billing_account_id = $1)::text as balance`,
    [accountId],
  );
  return rows[0]!;
}
