import type { WaitlistPage } from "@/lib/admin/list-waitlist-page";
import { WAITLIST_PAGE_SIZE, waitlistSearchParams, type WaitlistQuery } from "@/lib/admin/waitlist-query";

const linkClass = "rounded-lg border border-line bg-paper px-3 py-1.5 font-semibold hover:border-brand hover:text-brand";

const hrefFor = (query: WaitlistQuery, page: number) => {
  const search = waitlistSearchParams(query, { page });
  return `/admin/waitlist${search ? `?${search}` : ""}`;
};

/** Which entries of how many, and links to the neighbouring pages (plain links: the back button works). */
export function WaitlistPager({ result, query }: { result: WaitlistPage; query: WaitlistQuery }) {
  if (result.total === 0) return null;
  const first = (result.page - 1) * WAITLIST_PAGE_SIZE + 1;
  const last = first + result.rows.length - 1;
  return (
    <nav aria-label="Waitlist pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-ink-soft">
        {result.rows.length > 0 ? `${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ` : "Past the last page: "}
        {result.total.toLocaleString("en-US")} {result.total === 1 ? "entry" : "entries"} · page {result.page.toLocaleString("en-US")} of{" "}
        {result.pageCount.toLocaleString("en-US")}
      </p>
      <div className="flex gap-2">
        {result.page > 1 ? (
          <a href={hrefFor(query, Math.min(result.page - 1, result.pageCount))} rel="prev" className={linkClass}>
            Previous
          </a>
        ) : null}
        {result.page < result.pageCount ? (
          <a href={hrefFor(query, result.page + 1)} rel="next" className={linkClass}>
            Next
          </a>
        ) : null}
      </div>
    </nav>
  );
}
