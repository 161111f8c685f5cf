import "server-only";
import { escapeHtml } from "@/lib/email/escape-html";
import type { EmailMessage } from "@/lib/email/send-email";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/session/session-policy";

/** The magic-link email: plain text first, and a simple HTML version with one button. */
export function renderSignInEmail(options: { to: string; url: string }): EmailMessage {
  const minutes = MAGIC_LINK_MAX_AGE_SECONDS / 60;
  const text =
    `Sign in to Tandem with this link. It works once, within ${minutes} minutes:\n\n${options.url}\n\n` +
    "If you did not ask to sign in, ignore this email: nobody can sign in without the link.\n";
  const href = escapeHtml(options.url);
  const html = `<!doctype html><html><body style="margin:0;padding:32px 16px;background:#f8fafc;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#0f172a">
<table role="presentation" width="100%" style="max-width:480px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px">
<tr><td style="padding:32px">
<p style="margin:0 0 8px;font-size:18px;font-weight:600">Sign in to Tandem</p>
<p style="margin:0 0 24px;font-size:14px;line-height:22px;color:#475569">This link works once, within ${minutes} minutes.</p>
<a href="${href}" style="display:inline-block;background:#4f46e5;color:#ffffff;text-decoration:none;font-size:14px;font-weight:600;padding:10px 18px;border-radius:8px">Sign in</a>
<p style="margin:24px 0 0;font-size:12px;line-height:18px;color:#475569">If you did not ask to sign in, ignore this email: nobody can sign in without the link.</p>
</td></tr></table></body></html>`;
  return { to: options.to, subject: "Your Tandem sign-in link", text, html, template: "magic-link" };
}
