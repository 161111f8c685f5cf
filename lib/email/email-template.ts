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
