import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { OutboxEmailTemplate } from "@/lib/db/schema";
import { getLogger } from "@/lib/observability/logger";
import { attachmentsOf, templatesAwaitingAttachments } from "./email-attachments";
import { unsubscribeUrlOf } from "./email-template";
import { emailIsDue, logEmailFailure, owedEmailKindOf } from "./email-retry";
import { drawEmail } from "./render-in-worker";
import { sendEmail, type EmailMessage } from "./send-email";

export type SendOutboxEmailsOptions = {
  /** Only these emails (the ones a transaction just recorded). */
  ids?: bigint[];
  /** Only emails about these billing accounts (the ones a posting just touched). */
  accountIds?: string[];
  /** Only emails made from these templates. */
  templates?: readonly OutboxEmailTemplate[];
  limit?: number;
};

type DueEmail = {
  id: string;
  template: OutboxEmailTemplate;
  to_address: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  data: unknown;
  attempts: number;
  account_id: string | null;
  is_owner_gone: boolean;
};

/**
 * The email to send: drawn now from the template and its data (so a template fix reaches emails still
 * queued), or, for a row written before emails were rendered at send time (migration 0028), as written.
 * A template that cannot draw its data fails like SMTP would: retried, then given up on and listed.
 */
async function messageOf(db: Database, email: DueEmail): Promise<EmailMessage> {
  const base = { to: email.to_address, template: email.template };
  if (email.data === null) return { ...base, subject: email.subject, text: email.text_body ?? "", html: email.html_body ?? undefined };
  // The row's template names the data's shape: enqueueEmail wrote them together.
  const rendered = await drawEmail(email.template, email.data);
  const unsubscribeUrl = unsubscribeUrlOf(email.data);
  // Drawn now from the data, like the body (the monthly statement's PDF): the row never holds the bytes.
  const attachments = await attachmentsOf(db, email.template, email.data);
  return { ...base, ...rendered, ...(unsubscribeUrl ? { unsubscribeUrl } : {}), ...(attachments.length > 0 ? { attachments } : {}) };
}

/**
 * Sends the outbox's emails that are due: right after the transaction that recorded them commits
 * (scoped to their ids or their account) and from the email sweep (lib/jobs/start-jobs.ts, every 30 s)
 * for any a crash or an SMTP outage left behind. Rows are locked while they are sent (`skip locked`), so
 * the sweep and the after-commit send never send one twice; an email is marked sent only once the SMTP
 * server accepted it, and its body (live links) is dropped then. An email about an account whose owner
 * has no address left (a closed account) is settled unsent; its data and bodies go once it is sent or settled; one whose link died (`send_before`) is
 * dropped. A failed send is logged, never thrown, and tried again with the shared backoff
 * (lib/email/email-retry.ts). Returns how many emails went out.
 */
export async function sendOutboxEmails(db: Database, options: SendOutboxEmailsOptions = {}): Promise<number> {
  if (options.ids?.length === 0 || options.accountIds?.length === 0) return 0;
  const ids = options.ids ? JSON.stringify(options.ids.map(String)) : null;
  const accounts = options.accountIds ? JSON.stringify(options.accountIds) : null;
  const templates = options.templates ? JSON.stringify(options.templates) : null;
  // Emails whose attachment this process cannot draw wait for one that can (lib/email/email-attachments.ts).
  const awaiting = JSON.stringify(templatesAwaitingAttachments());
  const scope = sql`(${ids}::jsonb is null or e.id in (select jsonb_array_elements_text(${ids}::jsonb)::bigint))
    and (${accounts}::jsonb is null or e.account_id in (select jsonb_array_elements_text(${accounts}::jsonb)))
    and (${templates}::jsonb is null or e.template in (select jsonb_array_elements_text(${templates}::jsonb)))
    and e.template not in (select jsonb_array_elements_text(${awaiting}::jsonb))`;
  // A sign-in link past its life: nobody can use it, so it is not owed any more.
  await db.execute(sql`delete from email_outbox e where e.sent_at is null and e.send_before <= now() and ${scope}`);
  let sent = 0;
  await db.transaction(async (tx) => {
    const due = await tx.execute<DueEmail>(sql`
      select e.id::text, e.template, e.to_address, e.subject, e.text_body, e.html_body, e.data, e.attempts, e.account_id,
        (e.account_id is not null and u.email is null) as is_owner_gone
      from email_outbox e
      left join billing_accounts a on a.id = e.account_id
      left join "user" u on u.id = a.owner_user_id
      where e.sent_at is null and ${emailIsDue(sql.raw("e.attempts"), sql.raw("e.last_attempt_at"))} and ${scope}
      order by e.id limit ${options.limit ?? 50}
      for update of e skip locked`);
    for (const email of due.rows) {
      const settled = sql`update email_outbox set attempts = attempts + 1, last_attempt_at = now(), sent_at = now(),
        text_body = null, html_body = null, data = null where id = ${email.id}::bigint`;
      // A closed account has no email left: nobody to tell, so the email is settled unsent.
      if (email.is_owner_gone) {
        await tx.execute(settled);
        continue;
      }
      try {
        await sendEmail(await messageOf(db, email));
      } catch (error) {
        const context = { outboxId: email.id, template: email.template, ...(email.account_id ? { account: email.account_id } : {}) };
        logEmailFailure(owedEmailKindOf(email.template), email.attempts, context, error);
        await tx.execute(sql`update email_outbox set attempts = attempts + 1, last_attempt_at = now() where id = ${email.id}::bigint`);
        continue;
      }
      await tx.execute(settled);
      sent++;
    }
  });
  return sent;
}

/** Sends just-recorded emails after the commit without failing the caller: whatever is left, the sweep sends. */
export async function sendOutboxEmailsNow(db: Database, ids: bigint[]): Promise<void> {
  try {
    await sendOutboxEmails(db, { ids });
  } catch (error) {
    getLogger().error({ err: error, outboxIds: ids.map(String) }, "emails could not be sent now; the sweep will retry");
  }
}
