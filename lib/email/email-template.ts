import type { ReactElement } from "react";

/**
 * One kind of email: its subject and its body (an EmailLayout), both from the template's data. The data
 * is what the outbox row stores (JSON: amounts are micro-dollar strings, times ISO strings), so the
 * email is rendered when it is sent (lib/email/render-email.tsx) and a fix to a template reaches the
 * emails still queued.
 */
export type EmailTemplate<Data> = {
  subject: (data: Data) => string;
  Body: (data: Data) => ReactElement;
};

/** A micro-dollar amount as stored in template data (JSON has no bigint). */
export type MicrosText = string;

/**
 * What any outbox email's data may carry besides its template's own: a billing contact's one-click
 * unsubscribe link (lib/billing-contacts/list-recipients.ts). The layout shows it in the footer
 * (render-email.tsx hands it over) and the sender adds the List-Unsubscribe headers from it.
 */
export type RecipientData = { unsubscribeUrl?: string };

/** The unsubscribe link in an outbox row's data, if it carries one (the data is JSON of any shape). */
export function unsubscribeUrlOf(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null || !("unsubscribeUrl" in data)) return undefined;
  const url = (data as { unsubscribeUrl?: unknown }).unsubscribeUrl;
  return typeof url === "string" && /^https?:\/\//.test(url) ? url : undefined;
}
