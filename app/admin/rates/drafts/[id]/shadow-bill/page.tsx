import Link from "next/link";
import { AdminPage } from "@/components/admin/admin-page";
import { formatDate } from "@/components/admin/format";
import { Fact } from "@/components/ui/fact";
import { Money } from "@/components/ui/money";
import { getDb } from "@/lib/db/client";
import { shadowBillDraft } from "@/lib/rate-drafts/shadow-bill-draft";
import { adminMetadata } from "../../../../admin-metadata";
import { requireAdminPage } from "../../../../require-admin-page";
import { loadDraft } from "../load-draft";

export const generateMetadata = adminMetadata({ title: "Shadow bill" });

export default async function AdminShadowBillPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireAdminPage();
  const draft = await loadDraft(session, (await params).id);
  const bill = await shadowBillDraft(getDb(), session, { draftId: draft.id });
  const change = bill.shadowMicros - bill.billedMicros;
  const lastDay = new Date(bill.to.getTime() - 86_400_000);
  return (
    <AdminPage
      title={`Shadow bill: ${draft.name}`}
      lead={`${formatDate(bill.from)} to ${formatDate(lastDay)} (UTC), every account's real usage re-rated with this draft, exactly.`}
    >
      <p className="text-sm">
        <Link href={`/admin/rates/drafts/${draft.id}`} className="text-brand underline underline-offset-4">
          ← Back to the draft
        </Link>
      </p>
      <section
        aria-labelledby="totals-heading"
        className="border-line bg-paper rounded-2xl border p-6"
        data-testid="shadow-totals"
      >
        <h2 id="totals-heading" className="text-base font-semibold">
          Totals
        </h2>
        <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-4">
          <Fact term="Accounts with usage" className="text-xl font-semibold" testId="shadow-accounts">
            {bill.accounts.toLocaleString("en-US")}
          </Fact>
          <Fact term="Billed" className="text-xl font-semibold" testId="shadow-billed">
            <Money micros={bill.billedMicros} />
          </Fact>
          <Fact term="On the draft" className="text-xl font-semibold" testId="shadow-draft">
            <Money micros={bill.shadowMicros} />
          </Fact>
          <Fact term="Change" className="text-xl font-semibold" testId="shadow-change">
            <Money micros={change} plusSign />
          </Fact>
        </dl>
      </section>
      <section aria-labelledby="largest-heading" className="border-line bg-paper rounded-2xl border">
        <h2 id="largest-heading" className="px-6 pt-6 text-base font-semibold">
          The largest changes
        </h2>
        <p className="text-ink-soft px-6 pt-1 text-sm">Up to 20 accounts whose bill would change most, either way.</p>
        {bill.largestChanges.length === 0 ? (
          <p className="text-ink-soft px-6 pt-2 pb-6 text-sm">No usage last month.</p>
        ) : (
          <div className="border-line mt-4 overflow-x-auto border-t">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Accounts with the largest change</caption>
              <thead className="bg-paper-soft text-ink-soft">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Account
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-semibold whitespace-nowrap">
                    Billed
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-semibold whitespace-nowrap">
                    On the draft
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-semibold whitespace-nowrap">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {bill.largestChanges.map((row) => (
                  <tr key={row.accountId} className="border-line border-t" data-testid="shadow-row">
                    <th scope="row" className="px-4 py-3 font-normal">
                      <span className="block max-w-32 truncate font-medium sm:max-w-none">
                        {row.email ?? "(closed)"}
                      </span>
                      <span className="text-ink-soft block font-mono text-xs">{row.accountId}</span>
                    </th>
                    <td className="px-4 py-3 text-right">
                      <Money micros={row.billedMicros} />
                    </td>
                    <td className="px-4 py-3 text-right">
                      <Money micros={row.shadowMicros} />
                    </td>
                    <td className="px-4 py-3 text-right font-semibold whitespace-nowrap">
                      <Money micros={row.changeMicros} plusSign />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </AdminPage>
  );
}
