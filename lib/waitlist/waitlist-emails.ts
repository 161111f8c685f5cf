import "server-only";
import { renderSimpleEmail } from "@/lib/email/render-simple-email";
import type { EmailMessage } from "@/lib/email/send-email";
import { getEnv } from "@/lib/env";

export function withdrawUrl(token: string): string {
  return `${getEnv().appUrl}/waitlist/withdraw?${new URLSearchParams({ token })}`;
}

/** Sent once when someone joins (or rejoins after withdrawing). */
export function renderWaitlistConfirmation(options: { to: string; token: string }): EmailMessage {
  return renderSimpleEmail({
    to: options.to,
    subject: "You are on the Tandem waitlist",
    template: "waitlist-joined",
    heading: "You are on the Tandem waitlist",
    paragraphs: [
      "Thanks for asking for access. We open Tandem to a few builders at a time; when it is your turn you will get an invitation at this address.",
      "Changed your mind? You can leave the waitlist at any time with the link below.",
    ],
    button: { label: "Leave the waitlist", url: withdrawUrl(options.token) },
    footer: "If you did not ask to join, use the link to take this address off the list, or ignore this email.",
  });
}

/** Sent instead of a sign-in link when a new account would pass the account cap. */
export function renderCapacityEmail(options: { to: string }): EmailMessage {
  return renderSimpleEmail({
    to: options.to,
    subject: "Tandem is at capacity: you are on the waitlist",
    template: "waitlist-capacity",
    heading: "Tandem is full for now",
    paragraphs: [
      "You asked to sign in to Tandem, but we have reached the number of accounts we can take during the preview, so no sign-in link was sent.",
      "We have put this address on the waitlist. When there is room you will get an invitation here.",
    ],
    footer: "If you did not ask to sign in, ignore this email.",
  });
}
