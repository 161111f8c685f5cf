import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

// A billing contact's unsubscribe link works without signing in and for as long as the contact exists,
// so its token is derived, not stored: an HMAC of the contact's id under AUTH_SECRET.
function tokenFor(contactId: bigint): string {
  return createHmac("sha256", getEnv().authSecret).update(`billing-contact-unsubscribe:${contactId}`).digest("base64url");
}

/** The one-click unsubscribe URL of a contact (in every email to it, and its List-Unsubscribe header). */
export function unsubscribeUrl(contactId: bigint): string {
  return `${getEnv().appUrl}/contacts/unsubscribe?contact=${contactId}&token=${tokenFor(contactId)}`;
}

/** Whether `token` is the contact's unsubscribe token (constant time). */
export function isUnsubscribeToken(contactId: bigint, token: string): boolean {
  const expected = Buffer.from(tokenFor(contactId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
