import Link from "next/link";
import { Money } from "@/components/ui/money";
import type { AccountListRow } from "@/lib/admin/search-accounts";
import { AccountStandingBadge } from "./account-standing-badge";
import { formatDate, formatDateTime } from "./format";

// A table on wide screens; below `sm` each row is a card (who and standing on top, figures beneath in
// two columns), as the customer's statement table does, so nothing scrolls sideways at 375 px.
const table = [
  "w-full text-left text-sm tabular-nums [&_tbody_tr]:border-b [&_tbody_tr]:border-line/60",
  "sm:[&_td]:px-3 sm:[&_td]:py-3 sm:[&_td]:align-top sm:[&_td.figure]:text-right sm:[&_td.figure]:whitespace-nowrap",
  "max-sm:[&_thead]:sr-only max-sm:[&_tbody]:block max-sm:[&_tbody_tr]:grid max-sm:[&_tbody_tr]:grid-cols-2",
  "max-sm:[&_tbody_tr]:gap-x-4 max-sm:[&_tbody_tr]:gap-y-2 max-sm:[&_tbody_tr]:py-3 max-sm:[&_td]:block max-sm:[&_td:first-child]:col-span-2",
].join(" ");

const th = "px-3 py-2 font-medium";

function SmallLabel({ children }: { children: string }) {
  return <span className="text-ink-soft block text-xs sm:hidden">{children}</span>;
}

/** One page of the account search: who, standing, balance, this month's spend, last usage, created. */
export function AccountTable({ rows }: { rows: AccountListRow[] }) {
  return (
    <table className={table} data-testid="account-table">
      <caption className="sr-only">Accounts, newest first</caption>
      <thead>
        <tr className="border-line text-ink-soft border-b">
          <th scope="col" className={th}>
            Account
          </th>
          <th scope="col" className={th}>
            Standing
          </th>
          <th scope="col" className={`${th} text-right`}>
            Balance
          </th>
          <th scope="col" className={`${th} text-right`}>
            This month
          </th>
          <th scope="col" className={`${th} text-right`}>
            Last usage
          </th>
          <th scope="col" className={`${th} text-right`}>
            Created
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.accountId} data-testid="account-row">
            <td className="min-w-0">
              <Link
                href={`/admin/accounts/${row.accountId}`}
                className="text-brand font-semibold break-all underline-offset-2 hover:underline"
              >
                {row.email ?? "(closed: address forgotten)"}
              </Link>
              {row.name ? <span className="text-ink-soft block">{row.name}</span> : null}
              <span className="text-ink-soft block font-mono text-xs break-all">{row.accountId}</span>
            </td>
            <td>
              <SmallLabel>Standing</SmallLabel>
              <AccountStandingBadge state={row.state} isClosed={row.isClosed} isHeld={row.isHeld} />
            </td>
            <td className="figure">
              <SmallLabel>Balance</SmallLabel>
              <Money micros={row.balanceMicros} />
            </td>
            <td className="figure">
              <SmallLabel>This month</SmallLabel>
              <Money micros={row.monthToDateMicros} />
            </td>
            <td className="figure">
              <SmallLabel>Last usage</SmallLabel>
              {row.lastUsageAt ? formatDateTime(row.lastUsageAt) : "Never"}
            </td>
            <td className="figure">
              <SmallLabel>Created</SmallLabel>
              {formatDate(row.createdAt)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
