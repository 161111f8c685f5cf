import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/account/empty-state";
import { AccountPage, buttonClass, PageHeader, Panel } from "@/components/account/page-header";
import { StatementTable } from "@/components/account/statement-table";
import { StatementPdfForm } from "@/components/account/statement-pdf-form";
import { getFirstStatementMonth } from "@/lib/monthly-statements/get-first-statement-month";
import { Money } from "@/components/ui/money";
import { Notice } from "@/components/ui/notice";
import { STATEMENT_FILTERS, type StatementFilter } from "@/lib/account/get-statement";
import { getStatementLines, statementLinesQuerySchema } from "@/lib/account/get-statement-lines";
import { NoBillingAccountPage } from "@/components/account/no-billing-account";
import { requireAccountPage } from "../require-account-page";

export const metadata: Metadata = { title: "Statement" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function StatementPage({ searchParams }: { searchParams: SearchParams }) {
  const { session, db, account, isOperator } = await requireAccountPage({ billingAccount: "read" });
  if (!account) return <NoBillingAccountPage isOperator={isOperator} />;
  const params = await searchParams;
  // Each parameter on its own, so a bad cursor keeps the filter and the notice names what was wrong.
  const type = statementLinesQuerySchema.shape.type.safeParse(params.type);
  const before = statementLinesQuerySchema.shape.before.safeParse(params.before);
  const query = { type: type.success ? type.data : ("all" as StatementFilter), before: before.success ? before.data : undefined };
  const page = await getStatementLines(db, session, { filter: query.type, before: query.before });
  const typeParam = query.type === "all" ? "" : `type=${query.type}`;
  const nextHref = page.nextCursor
    ? `/account/statement?${[typeParam, `before=${page.nextCursor}`].filter(Boolean).join("&")}`
    : null;
  return (
    <AccountPage>
      <PageHeader
        title="Statement"
        description={
          <>
            Every movement of your balance, newest first, with usage as one line per UTC day (open a line for its
            spaces). The CSV lists every posting. Balance now:{" "}
            <span className="text-ink font-semibold" data-testid="statement-current-balance">
              <Money micros={page.balanceMicros} />
            </span>
          </>
        }
        actions={
          <a
            href={`/account/statement/export${typeParam ? `?${typeParam}` : ""}`}
            className={buttonClass.secondary}
            download
          >
            Download CSV
          </a>
        }
      />
      <div className="mt-8 space-y-6">
        <StatementPdfForm firstMonth={await getFirstStatementMonth(db, account)} now={new Date()} />
        {!type.success ? (
          <Notice tone="warn" title="That filter is not known">
            Showing all movements instead.
          </Notice>
        ) : null}
        {!before.success ? (
          <Notice tone="warn" title="That page of the statement is not known">
            Showing the newest movements instead.
          </Notice>
        ) : null}
        <nav aria-label="Movement types">
          <ul className="flex flex-wrap gap-2">
            {Object.entries(STATEMENT_FILTERS).map(([key, filter]) => (
              <li key={key}>
                <Link
                  href={key === "all" ? "/account/statement" : `/account/statement?type=${key}`}
                  aria-current={query.type === key ? "page" : undefined}
                  className={`inline-block rounded-full border px-3 py-1 text-sm font-semibold ${
                    query.type === key
                      ? "border-brand bg-brand-soft text-brand"
                      : "border-line bg-paper text-ink-soft hover:text-ink"
                  }`}
                >
                  {filter.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Panel
          id="movements-heading"
          title={page.days ? `${STATEMENT_FILTERS[query.type].label}, ${page.days.first} to ${page.days.last} (UTC)` : STATEMENT_FILTERS[query.type].label}
        >
          {page.lines.length === 0 ? (
            <EmptyState title={query.before ? "No earlier movements" : "No movements of this type yet"}>
              Top-ups, usage, grants, refunds, disputes and adjustments are listed here the moment they are posted.
            </EmptyState>
          ) : (
            <StatementTable lines={page.lines} />
          )}
          <div className="mt-4 flex justify-between gap-3 text-sm">
            {query.before ? (
              <Link href={`/account/statement${typeParam ? `?${typeParam}` : ""}`} className="text-brand font-semibold">
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            {nextHref ? (
              <Link href={nextHref} className="text-brand font-semibold">
                Older movements →
              </Link>
            ) : null}
          </div>
        </Panel>
      </div>
    </AccountPage>
  );
}
