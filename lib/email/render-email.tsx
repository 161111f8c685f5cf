import { render, toPlainText } from "@react-email/render";
import { cloneElement, type ReactElement } from "react";
import type { OutboxEmailTemplate } from "@/lib/db/schema";
import { unsubscribeUrlOf, type EmailTemplate } from "./email-template";
import { EmailLayout, type EmailLayoutProps } from "./layout";
import { emailTemplates, type EmailData } from "./templates";

export type RenderedEmail = { subject: string; html: string; text: string };

function templateOf<T extends OutboxEmailTemplate>(template: T): EmailTemplate<EmailData<T>> {
  return emailTemplates[template] as unknown as EmailTemplate<EmailData<T>>;
}

/** The subject, without drawing the body: stored with the outbox row for /admin/emails. */
export function emailSubject<T extends OutboxEmailTemplate>(template: T, data: EmailData<T>): string {
  return templateOf(template).subject(data);
}

/**
 * Draws an email from its template and data: branded HTML (React Email escapes every value, so a name
 * someone typed stays text) and the plain-text part made from the same HTML, so the two never disagree.
 */
export async function renderEmail<T extends OutboxEmailTemplate>(
  template: T,
  data: EmailData<T>,
): Promise<RenderedEmail> {
  const { subject, Body } = templateOf(template);
  const html = await render(withUnsubscribeLink(Body(data), unsubscribeUrlOf(data)));
  // Headings as written, not upper-cased (a name in a heading is the name someone typed).
  const text = toPlainText(html, {
    selectors: ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })),
  });
  return { subject: subject(data), html, text: `${text.trim()}\n` };
}

/**
 * An email to a billing contact carries its unsubscribe link in the footer, whatever the template: the
 * layout every template is drawn in gets it from the row's data. A template not drawn in EmailLayout
 * cannot show it, so such an email fails to draw (and is retried, then listed) rather than go out
 * without a way to stop it.
 */
function withUnsubscribeLink(email: ReactElement, unsubscribeUrl: string | undefined): ReactElement {
  if (unsubscribeUrl === undefined) return email;
  if (email.type !== EmailLayout) throw new Error("an email with an unsubscribe link must be drawn in EmailLayout");
  return cloneElement(email as ReactElement<EmailLayoutProps>, { unsubscribeUrl });
}
