import { AdminPage } from "@/components/admin/admin-page";
import { WaitlistFilters } from "@/components/admin/waitlist-filters";
import { WaitlistPager } from "@/components/admin/waitlist-pager";
import { WaitlistTable } from "@/components/admin/waitlist-table";
import { Notice } from "@/components/ui/notice";
import { listWaitlistPage } from "@/lib/admin/list-waitlist-page";
import { defaultWaitlistQuery, parseWaitlistQueryOrThrow, type WaitlistQuery } from "@/lib/admin/waitlist-query";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { requireAdminPage } from "../require-admin-page";
import { decideWaitlistEntriesAction, decideWaitlistEntryAction } from "./actions";
import { adminMetadata } from "../admin-metadata";

export const generateMetadata = adminMetadata({ title: "Waitlist" });

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminWaitlistPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireAdminPage();
  let problem: string | null = null;
  let query: WaitlistQuery;
  try {
    query = parseWaitlistQueryOrThrow(await searchParams);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
    problem = error.message;
    query = defaultWaitlistQuery;
  }
  const result = await listWaitlistPage(getDb(), session, query);
  return (
    <AdminPage title="Waitlist" lead="Approve to send an invitation (valid 14 days, with a single-use sign-in link); decline to close the request quietly. Select several to decide them at once.">
      {problem ? (
        <Notice tone="warn" title="That filter could not be used">
          {problem} Showing everyone waiting, newest first, instead.
        </Notice>
      ) : null}
      <WaitlistFilters query={query} />
      <WaitlistTable result={result} query={query} bulkAction={decideWaitlistEntriesAction} rowAction={decideWaitlistEntryAction} />
      <WaitlistPager result={result} query={query} />
    </AdminPage>
  );
}
