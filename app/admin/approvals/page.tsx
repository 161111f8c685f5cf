import Link from "next/link";
import { AdminListRow } from "@/components/admin/admin-list-row";
import { AdminPage } from "@/components/admin/admin-page";
import { AdminListSection } from "@/components/admin/admin-list-section";
import { formatDateTime } from "@/components/admin/format";
import { StatusBadge } from "@/components/admin/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { Money } from "@/components/ui/money";
import { listAdjustmentRequests, type AdjustmentRequestItem } from "@/lib/admin/list-adjustment-requests";
import { getDb } from "@/lib/db/client";
import { adminMetadata } from "../admin-metadata";
import { requireAdminPage } from "../require-admin-page";
import { decideAdjustmentAction } from "./actions";

export const generateMetadata = adminMetadata({ title: "Approvals" });

const statusTone = { posted: "good", approved: "good", rejected: "bad", pending: "warn" } as const;

function Summary({ item }: { item: AdjustmentRequestItem }) {
  const who = item.accountEmail ?? item.accountId;
  return (
    <>
      <span className="font-medium break-all">
        <Link href={`/admin/accounts/${item.accountId}`} prefetch={false} className="hover:text-brand">
          {who}
        </Link>
      </span>
      <span className="font-semibold tabular-nums">
        {item.direction === "credit" ? "Credit" : "Debit"} <Money micros={item.amountMicros} />
      </span>
      {item.allowFreeze ? <StatusBadge tone="warn">May freeze</StatusBadge> : null}
    </>
  );
}

function Details({ item }: { item: AdjustmentRequestItem }) {
  return (
    <>
      <span className="text-ink block">Reason: {item.reason}</span>
      <span className="block">{item.note ? `Note to the customer: ${item.note}` : "No note to the customer"}</span>
      <span className="block">
        Asked by {item.requestedByEmail ?? "a former operator"} · {formatDateTime(item.requestedAt)}
        {item.decidedAt && item.status !== "posted"
          ? ` · ${item.status} by ${item.decidedByEmail ?? "a former operator"} · ${formatDateTime(item.decidedAt)}`
          : null}
      </span>
    </>
  );
}

function Decide({ item, operatorId }: { item: AdjustmentRequestItem; operatorId: string }) {
  const fields = (decision: string) => ({ requestId: item.id.toString(), decision });
  const what = `${item.direction} of ${item.accountEmail ?? item.accountId}`;
  const isOwn = item.requestedBy === operatorId;
  return (
    <div className="flex shrink-0 flex-col gap-2 sm:w-40">
      {isOwn ? (
        <p className="text-ink-soft text-sm">Yours: another operator approves it.</p>
      ) : (
        <ActionButton
          action={decideAdjustmentAction}
          fields={fields("approve")}
          label="Approve"
          pendingLabel="Approving…"
          variant="primary"
          ariaLabel={`Approve the ${what}`}
        />
      )}
      <ActionButton
        action={decideAdjustmentAction}
        fields={fields("reject")}
        label={isOwn ? "Withdraw" : "Reject"}
        pendingLabel={isOwn ? "Withdrawing…" : "Rejecting…"}
        variant="danger"
        ariaLabel={`${isOwn ? "Withdraw" : "Reject"} the ${what}`}
      />
    </div>
  );
}

export default async function AdminApprovalsPage() {
  const session = await requireAdminPage();
  const { pending, decided } = await listAdjustmentRequests(getDb(), session);
  return (
    <AdminPage
      title="Approvals"
      lead="Adjustments above the two-person limit wait here until another operator approves or rejects them."
    >
      <AdminListSection id="pending" title="Waiting for approval" emptyText="Nothing waits for approval.">
        {pending.map((item) => (
          <AdminListRow
            key={item.id.toString()}
            testId="pending-adjustment"
            heading={<Summary item={item} />}
            details={<Details item={item} />}
            action={<Decide item={item} operatorId={session.user.id} />}
          />
        ))}
      </AdminListSection>
      <AdminListSection id="decided" title="Latest adjustments" emptyText="No adjustments yet.">
        {decided.map((item) => (
          <AdminListRow
            key={item.id.toString()}
            testId="decided-adjustment"
            heading={
              <>
                <Summary item={item} />
                <StatusBadge tone={statusTone[item.status]}>
                  {item.status === "posted" ? "Posted" : item.status === "approved" ? "Approved" : "Rejected"}
                </StatusBadge>
              </>
            }
            details={<Details item={item} />}
            action={null}
          />
        ))}
      </AdminListSection>
    </AdminPage>
  );
}
