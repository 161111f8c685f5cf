import "server-only";
import { sql } from "drizzle-orm";
import { listRecipients } from "@/lib/billing-contacts/list-recipients";
import type { Transaction } from "@/lib/db/client";
import type { SpendAlertKind } from "@/lib/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import type { EmailData } from "@/lib/email/templates";

export type SpendAlertEmail =
  | { template: "runway-alert"; data: EmailData<"runway-alert"> }
  | { template: "spend-anomaly"; data: EmailData<"spend-anomaly"> };

export type SpendAlertInput = {
  accountId: string;
  kind: SpendAlertKind;
  /** The occasion, unique per account (`anomaly:<YYYY-MM-DD>`, `runway:<ISO week>`): recorded once. */
  key: string;
  data: Record<string, unknown>;
  email: SpendAlertEmail;
  now: Date;
};

/**
 * Records a spend alert once (its key is unique per account) and, only when this call recorded it,
 * enqueues its email to every recipient in the same transaction: the owner under `spend-alert:<id>`, each
 * confirmed billing contact under `spend-alert:<id>:<contact key>` with its unsubscribe link. Returns
 * the outbox ids to send after the commit (none when the alert was already recorded).
 */
export async function recordSpendAlert(tx: Transaction, input: SpendAlertInput): Promise<bigint[]> {
  const inserted = await tx.execute<{ id: string }>(sql`
    insert into spend_alerts (account_id, kind, key, data, created_at)
    values (${input.accountId}, ${input.kind}, ${input.key}, ${JSON.stringify(input.data)}::jsonb, ${input.now.toISOString()})
    on conflict (account_id, key) do nothing
    returning id::text`);
  const id = inserted.rows[0]?.id;
  if (!id) return [];
  const emailIds: bigint[] = [];
  for (const recipient of await listRecipients(tx, input.accountId)) {
    const isOwner = recipient.key === "owner";
    const data = recipient.unsubscribeUrl ? { ...input.email.data, unsubscribeUrl: recipient.unsubscribeUrl } : input.email.data;
    emailIds.push(
      await enqueueEmail(tx, {
        key: isOwner ? `spend-alert:${id}` : `spend-alert:${id}:${recipient.key}`,
        accountId: input.accountId,
        to: recipient.address,
        ...({ template: input.email.template, data } as SpendAlertEmail),
      }),
    );
  }
  return emailIds;
}
