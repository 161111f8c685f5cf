// The bounds of billing contacts (issue 19 part 5), one place for the settings panel's copy and the
// domain's checks. No `server-only`: the panel and the zero-JS pages say the same numbers.

/** Extra addresses an account may have besides its owner. */
export const MAX_BILLING_CONTACTS = 5;

/** How long a confirmation link works; past it the owner sends a new one. */
export const CONFIRM_LINK_DAYS = 7;

export const BILLING_CONTACT_LIMITS = {
  // Every add and every "send the link again" mails a stranger's address: an account may not turn the
  // site into a mailer. Counted per account, and per contact for the resends.
  confirmationsPerAccount: { limit: 10, windowSeconds: 60 * 60 },
  resendsPerContact: { limit: 3, windowSeconds: 60 * 60 },
  // The unauthenticated POSTs of the emails' links (confirm, unsubscribe), per client address, like the
  // waitlist. A mail provider's one-click unsubscribe comes from its own servers, so the limit is roomy.
  linkPostsPerIp: { limit: 30, windowSeconds: 60 * 60 },
} as const;
