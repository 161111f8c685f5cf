import Link from "next/link";
import { AccountTable } from "@/components/admin/account-table";
import { AdminPage } from "@/components/admin/admin-page";
import { Notice } from "@/components/ui/notice";
import {
  accountStandingFilters,
  parseAccountSearchParams,
  type AccountSearchQuery,
} from "@/lib/admin/account-search-schema";
import { searchAccounts } from "@/lib/admin/search-accounts";
import { getDb } from "@/lib/db/client";
import { requireAdminPage } from "../require-admin-page";
import { adminMetadata } from "../admin-metadata";

export const generateMetadata = adminMetadata({ title: "Accounts" });

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const standingLabels: Record<(typeof accountStandingFilters)[number], string> = {
  active: "Active",
  low: "Low balance",
  grace: "Grace period",
  frozen: "Frozen",
  closed: "Closed",
};

/** The list's address with the same search and filter, on another page. */
function pageHref(query: AccountSearchQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.standing) params.set("standing", query.standing);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `/admin/accounts?${text}` : "/admin/accounts";
}

const control =
  "mt-1.5 block w-full rounded-lg border border-line bg-paper px-3 py-2 text-base focus:border-brand focus:ring-2 focus:ring-brand/25 focus:outline-none";

export default async function AdminAccountsPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireAdminPage();
  const { query, problems } = parseAccountSearchParams(await searchParams);
  const result = await searchAccounts(getDb(), session, query);
  const isFiltered = query.q !== undefined || query.standing !== undefined;
  return (
    <AdminPage
      title="Accounts"
      lead="Find a customer by email, name, account id (acct_…) or Stripe customer id (cus_…); open one for its money, sessions and emails."
    >
      <form
        method="get"
        action="/admin/accounts"
        role="search"
        className="border-line bg-paper grid gap-4 rounded-2xl border p-5 sm:grid-cols-[1fr_12rem_auto] sm:items-end sm:p-6"
      >
        <div>
          <label htmlFor="account-search" className="block text-sm font-medium">
            Search
          </label>
          <input
            id="account-search"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            maxLength={200}
            placeholder="ada@example.com, acct_…, cus_…"
            className={control}
          />
        </div>
        <div>
          <label htmlFor="account-standing" className="block text-sm font-medium">
            Standing
          </label>
          <select id="account-standing" name="standing" defaultValue={query.standing ?? ""} className={control}>
            <option value="">Any standing</option>
            {accountStandingFilters.map((standing) => (
              <option key={standing} value={standing}>
                {standingLabels[standing]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="bg-brand text-on-brand hover:bg-brand-strong rounded-lg px-4 py-2.5 text-sm font-semibold"
        >
          Search
        </button>
      </form>
      {problems.length > 0 ? (
        <Notice tone="warn" title="Part of that address was not understood">
          <ul className="list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p className="mt-1">The list below leaves it out.</p>
        </Notice>
      ) : null}
      <section aria-labelledby="accounts-heading" className="border-line bg-paper rounded-2xl border p-5 sm:p-6">
        <h2 id="accounts-heading" className="text-base font-semibold">
          {isFiltered ? "Matching accounts" : "All accounts"}
          <span className="text-ink-soft font-normal"> · page {result.page}</span>
        </h2>
        {result.rows.length === 0 ? (
          <p
            className="border-line bg-paper-soft text-ink-soft mt-4 rounded-xl border border-dashed px-5 py-8 text-center text-sm"
            data-testid="accounts-empty"
          >
            {isFiltered
              ? "No account matches. Ids match exactly; emails and names match any part."
              : result.page > 1
                ? "No accounts on this page."
                : "No accounts yet: they appear when invited people first sign in."}
          </p>
        ) : (
          <div className="mt-4">
            <AccountTable rows={result.rows} />
          </div>
        )}
        <nav aria-label="Pages of accounts" className="mt-4 flex justify-between gap-3 text-sm">
          {result.page > 1 ? (
            <Link href={pageHref(query, result.page - 1)} className="text-brand font-semibold">
              ← Previous page
            </Link>
          ) : (
            <span />
          )}
          {result.hasNext ? (
            <Link href={pageHref(query, result.page + 1)} className="text-brand font-semibold">
              Next page →
            </Link>
          ) : null}
        </nav>
      </section>
    </AdminPage>
  );
}
