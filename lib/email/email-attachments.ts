import "server-only";
import type { Database } from "@/lib/db/client";
import type { OutboxEmailTemplate } from "@/lib/db/schema";

export type EmailAttachment = { filename: string; content: Uint8Array; contentType: string };

/** Draws a template's attachments from the outbox row's data when the email is sent (never stored in the row). */
export type AttachmentProducer = (db: Database, data: unknown) => Promise<EmailAttachment[]>;

/**
 * The templates whose emails are not complete without their attachment (the monthly statement's PDF).
 * Their attachment is drawn by a layer above email (lib/monthly-statements), which registers its
 * producer with the job worker (lib/jobs/start-jobs.ts); a process that has none registered leaves
 * those emails for one that does, rather than send them without the file.
 */
export const TEMPLATES_WITH_ATTACHMENTS: readonly OutboxEmailTemplate[] = ["monthly-statement"];

const state = globalThis as unknown as { emailAttachmentProducers?: Map<OutboxEmailTemplate, AttachmentProducer> };

function producers(): Map<OutboxEmailTemplate, AttachmentProducer> {
  state.emailAttachmentProducers ??= new Map();
  return state.emailAttachmentProducers;
}

export function registerEmailAttachments(template: OutboxEmailTemplate, producer: AttachmentProducer): void {
  producers().set(template, producer);
}

/** The templates this process cannot send yet: they need an attachment nobody here can draw. */
export function templatesAwaitingAttachments(): OutboxEmailTemplate[] {
  return TEMPLATES_WITH_ATTACHMENTS.filter((template) => !producers().has(template));
}

/** The attachments of one email (none for most templates). A producer's failure rejects, and the outbox retries the email. */
export async function attachmentsOf(
  db: Database,
  template: OutboxEmailTemplate,
  data: unknown,
): Promise<EmailAttachment[]> {
  const producer = producers().get(template);
  return producer ? producer(db, data) : [];
}
