import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { AccountControlForm } from "@/components/admin/account-control-form";
import { AccountStandingBadge } from "@/components/admin/account-standing-badge";
import {
  AuditList,
  autoRechargeText,
  EmailsList,
  Empty,
  Facts,
  PaymentsList,
  Section,
  SpacesList,
} from "@/components/admin/account-sections";
import { AdminPage } from "@/components/admin/admin-page";
import { formatDate, formatDateTime } from "@/components/admin/format";
import { StatementTable } from "@/components/account/statement-table";
import { ActionButton } from "@/components/ui/action-button";
import { Money } from "@/components/ui/money";
import { Notice } from "@/components/ui/notice";
import { isStatementDay } from "@/lib/account/get-statement-lines";
import { getAccountDetail, type AccountDetail } from "@/lib/admin/get-account-detail";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { requireAdminPage } from "../../require-admin-page";
import { adminMetadata } from "../../admin-metadata";
import { closeAccountAction, endAccountSessionsAction, freezeAccountAction, unfreezeAccountAction } from "./actions";

export const generateMetadata = adminMetadata({ title: "Account" });

type Props = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const link = "font-semibold text-brand underline-offset-2 hover:underline";

async function readDetail(accountId: string, before: string | undefined): Promise<AccountDetail> {
  try {
    return await getAccountDetail(getDb(), await requireAdminPage(), accountId, { before });
  } catch (error) {
    // A malformed or unknown id is the ordinary 404, as for anyone who is not an operator.
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function AdminAccountPage({ params, searchParams }: Props) {
  const { accountId } = await params;
  const rawBefore = (await searchParams).before;
  const before = typeof rawBefore === "string" && isStatementDay(rawBefore) ? rawBefore : undefined;
  const detail = await readDetail(accountId, before);
  const { account, person, hold, closure, statement } = detail;
  const base = `/admin/accounts/${account.accountId}`;
  return (
    <AdminPage
      title={person.email ?? "Closed account"}
      lead={`${account.accountId} · created ${formatDate(account.createdAt)}`}
    >
      <p className="-mt-4 text-sm">
        <Link href="/admin/accounts" className={link}>
          ← All accounts
        </Link>
      </p>
      {rawBefore !== undefined && before === undefined ? (
        <Notice tone="warn" title="That page of the statement is not known">
          Showing the newest movements instead.
        </Notice>
      ) : null}
      {hold ? (
        <Notice
          tone="danger"
          title={`Frozen by ${hold.frozenByEmail ?? "an operator"} on ${formatDateTime(hold.frozenAt)}`}
        >
          {hold.reason} Top-ups do not lift this freeze; unfreeze below.
        </Notice>
      ) : null}

      <Section
        id="money-heading"
        title="Balance and standing"
        actions={
          // No prefetch: the adjustment form is opened on purpose, and its page belongs to the adjustments work.
          <Link
            href={`${base}/adjust`}
            prefetch={false}
            className="border-line bg-paper hover:border-brand hover:text-brand rounded-lg border px-4 py-2 text-sm font-semibold"
            data-testid="adjust-balance"
          >
            Adjust balance
          </Link>
        }
      >
        <Facts
          rows={[
            ["Balance", <Money key="b" micros={account.balanceMicros} />],
            [
              "Standing",
              <AccountStandingBadge key="s" state={account.state} isClosed={closure !== null} isHeld={hold !== null} />,
            ],
            ["Low-balance threshold", <Money key="l" micros={account.lowThresholdMicros} />],
            [
              "Grace",
              closure ? (
                "Closed"
              ) : (
                <>
                  At or below <Money micros={0n} />
                </>
              ),
            ],
            [
              "Overdraft floor",
              closure ? "Closed: frozen whatever the balance" : <Money key="f" micros={account.floorMicros} />,
            ],
            ["Auto-recharge", autoRechargeText(detail.autoRecharge)],
            ...(closure
              ? ([
                  ["Closed", formatDateTime(closure.closedAt)],
                  ["Credit left at closing", <Money key="r" micros={closure.remainingMicros} />],
                ] as Array<[string, ReactNode]>)
              : []),
          ]}
        />
      </Section>

      <Section
        id="person-heading"
        title="Person and sign-in"
        actions={
          person.sessions.length > 0 ? (
            <ActionButton
              action={endAccountSessionsAction}
              fields={{ accountId: account.accountId }}
              label="End all sessions"
              pendingLabel="Ending…"
              variant="danger"
            />
          ) : null
        }
      >
        <Facts
          rows={[
            ["Email", person.email ?? "Forgotten (closed)"],
            ["Name", person.name ?? "Not given"],
            ["Signs in with", person.signInMethods.length > 0 ? person.signInMethods.join(", ") : "Nothing (closed)"],
            [
              "Active sessions",
              person.sessions.length === 0
                ? "None"
                : person.sessions.map((s) => `since ${formatDateTime(s.createdAt)}`).join("; "),
            ],
          ]}
        />
      </Section>

      {closure ? null : (
        <Section id="controls-heading" title="Freeze or close">
          <div className="grid gap-6 lg:grid-cols-2">
            <div>
              <h3 className="mb-2 text-sm font-semibold">{hold ? "Unfreeze" : "Freeze"}</h3>
              <p className="text-ink-soft mb-3 text-sm">
                {hold
                  ? "Lifts your freeze: the standing follows the balance again (still frozen if it is at the floor)."
                  : "Apps go read-only at once and stay so, whatever the customer pays, until an operator unfreezes."}
              </p>
              {hold ? (
                // Keyed apart: after a freeze the page swaps forms, and the freeze's result must not show in the unfreeze form.
                <AccountControlForm
                  key="unfreeze"
                  action={unfreezeAccountAction}
                  accountId={account.accountId}
                  name="unfreeze"
                  label="Unfreeze account"
                  pendingLabel="Unfreezing…"
                />
              ) : (
                <AccountControlForm
                  key="freeze"
                  action={freezeAccountAction}
                  accountId={account.accountId}
                  name="freeze"
                  label="Freeze account"
                  pendingLabel="Freezing…"
                  danger
                />
              )}
            </div>
            <div>
              <h3 className="mb-2 text-sm font-semibold">Close</h3>
              <p className="text-ink-soft mb-3 text-sm">
                For good, as if the customer closed it: frozen, signed out, name and email forgotten; the ledger stays.
                The credit left is not refunded.
              </p>
              <AccountControlForm
                action={closeAccountAction}
                accountId={account.accountId}
                name="close"
                label="Close account"
                pendingLabel="Closing…"
                needsConfirm
                danger
              />
            </div>
          </div>
        </Section>
      )}

      <Section id="spaces-heading" title="Spaces this month">
        <SpacesList spaces={detail.spaces} />
      </Section>

      <Section
        id="statement-heading"
        title={statement.days ? `Statement, ${statement.days.first} to ${statement.days.last} (UTC)` : "Statement"}
      >
        <p className="text-ink-soft mb-3 text-sm">The customer&rsquo;s own statement, read-only.</p>
        {statement.lines.length === 0 ? <Empty>No movements yet.</Empty> : <StatementTable lines={statement.lines} />}
        <div className="mt-4 flex justify-between gap-3 text-sm">
          {before ? (
            <Link href={base} className={link}>
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {statement.nextCursor ? (
            <Link href={`${base}?before=${statement.nextCursor}`} className={link}>
              Older movements →
            </Link>
          ) : null}
        </div>
      </Section>

      <Section id="payments-heading" title="Payments">
        <PaymentsList payments={detail.payments} />
      </Section>
      <Section id="emails-heading" title="Emails sent">
        <EmailsList emails={detail.emails} />
      </Section>
      <Section id="audit-heading" title="Operator actions">
        <AuditList entries={detail.audit} />
      </Section>
    </AdminPage>
  );
}
