import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";

/**
 * Takes back the emails still owed to a contact that is removed or unsubscribes: its receipts and alerts
 * (keyed `<event>:contact:<id>` by every sender, lib/billing-contacts/list-recipients.ts) and its
 * confirmation links. "Stop" means from now, not after the queue drains.
 */
export async function dropOwedEmails(db: Queryable, contact: { accountId: string; contactId: bigint; email: string }): Promise<void> {
  await db.execute(sql`
    delete from email_outbox
    where sent_at is null and account_id = ${contact.accountId}
      and (idempotency_key like ${`%:contact:${contact.contactId}`}
        or (template = 'billing-contact-confirm' and lower(to_address) = lower(${contact.email})))`);
}
