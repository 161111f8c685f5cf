import "server-only";
import type { EmailMessage } from "./send-email";
import { escapeHtml } from "./escape-html";

export type SimpleEmailOptions = {
  to: string;
  subject: string;
  template: string;
  heading: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  footer?: string;
};

/** A one-card transactional email in the style of the sign-in email: plain text first, simple HTML. */
export function renderSimpleEmail(options: SimpleEmailOptions): EmailMessage {
  const { button, footer } = options;
  const text = [
    options.heading,
    ...options.paragraphs,
    ...(button ? [`${button.label}: ${button.url}`] : []),
    ...(footer ? [footer] : []),
  ].join("\n\n");
  const paragraphs = options.paragraphs
    .map((paragraph) => `<p style="margin:0 0 16px;font-size:14px;line-height:22px;color:#475569">${escapeHtml(paragraph)}</p>`)
    .join("");
  const action = button
    ? `<a href="${escapeHtml(button.url)}" style="display:inline-block;background:#4f46e5;color:#ffffff;text-decoration:none;font-size:14px;font-weight:600;padding:10px 18px;border-radius:8px">${escapeHtml(button.label)}</a>`
    : "";
  const small = footer ? `<p style="margin:24px 0 0;font-size:12px;line-height:18px;color:#475569">${escapeHtml(footer)}</p>` : "";
  const html = `<!doctype html><html><body style="margin:0;padding:32px 16px;background:#f8fafc;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#0f172a">
<table role="presentation" width="100%" style="max-width:480px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px">
<tr><td style="padding:32px">
<p style="margin:0 0 8px;font-size:18px;font-weight:600">${escapeHtml(options.heading)}</p>
${paragraphs}${action}${small}
</td></tr></table></body></html>`;
  return { to: options.to, subject: options.subject, text: `${text}\n`, html, template: options.template };
}
