import "server-only";
import { isNull } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { ledgerAccounts } from "@/lib/db/schema";

export const SYSTEM_ACCOUNT_CODES = ["stripe_cash", "usage_revenue", "promotional_grants", "disputes", "adjustments", "usage_write_offs"] as const;
export type SystemAccountCode = (typeof SYSTEM_ACCOUNT_CODES)[number];

type SystemAccounts = Record<SystemAccountCode, bigint>;
const globalForLedger = globalThis as unknown as { systemAccounts?: Promise<SystemAccounts> };

/** Ids of the platform's own ledger accounts (created by the migrations; they never change). */
export function getSystemAccounts(db: Queryable): Promise<SystemAccounts> {
  globalForLedger.systemAccounts ??= db
    .select({ code: ledgerAccounts.code, id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(isNull(ledgerAccounts.billingAccountId))
    .then((rows) => {
      // Checked below: every code the ledger needs is present.
      const accounts = Object.fromEntries(rows.map((row) => [row.code, row.id])) as SystemAccounts;
      for (const code of SYSTEM_ACCOUNT_CODES) {
        if (accounts[code] === undefined) throw new Error(`ledger account ${code} is missing: run the migrations`);
      }
      return accounts;
    })
    .catch((error: unknown) => {
      globalForLedger.systemAccounts = undefined;
      throw error;
    });
  return globalForLedger.systemAccounts;
}
