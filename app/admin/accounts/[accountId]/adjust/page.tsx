import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { AdjustmentForm } from "@/components/admin/adjustment-form";
import { AdminPage } from "@/components/admin/admin-page";
import { STANDING_BADGES } from "@/components/account/standing-badges";
import { Fact } from "@/components/ui/fact";
import { Money } from "@/components/ui/money";
import { getAdjustmentTarget, type AdjustmentTarget } from "@/lib/admin/get-adjustment-target";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { formatCents } from "@/lib/format/money";
import { adminMetadata } from "../../../admin-metadata";
import { requireAdminPage } from "../../../require-admin-page";
import { requestAdjustmentAction } from "./actions";

export const generateMetadata = adminMetadata({ title: "Adjust balance" });

async function findTarget(accountId: string): Promise<AdjustmentTarget> {
  const session = await requireAdminPage();
  if (!/^acct_[0-9A-Za-z]{1,64}$/.test(accountId)) notFound();
  try {
    return await getAdjustmentTarget(getDb(), session, accountId);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function AdjustAccountPage({ params }: { params: Promise<{ accountId: string }> }) {
  const target = await findTarget((await params).accountId);
  const badge = STANDING_BADGES[target.standing];
  return (
    <AdminPage
      title="Adjust balance"
      lead="Credit or debit an account by hand. Every adjustment is audited under your name."
    >
      <section aria-labelledby="account-heading" className="border-line bg-paper rounded-2xl border p-6">
        <h2 id="account-heading" className="text-base font-semibold break-all">
          {target.email ?? "Closed account"}
        </h2>
        <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-3">
          <Fact term="Account" className="mt-1 font-mono break-all">
            {target.accountId}
          </Fact>
          <Fact term="Balance" className="mt-1 text-lg font-semibold tabular-nums" testId="adjust-balance">
            <Money micros={target.balanceMicros} />
          </Fact>
          <Fact term="Standing" className="mt-1">
            <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${badge.className}`}>
              {badge.label}
            </span>
            <span className="text-ink-soft ml-2">
              floor <Money micros={target.floorMicros} />
            </span>
          </Fact>
        </dl>
      </section>
      <section aria-labelledby="adjust-heading" className="border-line bg-paper rounded-2xl border p-6">
        <h2 id="adjust-heading" className="mb-5 text-base font-semibold">
          New adjustment
        </h2>
        <AdjustmentForm
          action={requestAdjustmentAction}
          accountId={target.accountId}
          idempotencyKey={randomUUID()}
          approvalLimit={formatCents(target.approvalLimitMicros)}
        />
      </section>
    </AdminPage>
  );
}
