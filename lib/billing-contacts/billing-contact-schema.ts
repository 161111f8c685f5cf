// The forms of billing contacts, parsed the same way in the settings panel's actions and the zero-JS
// link pages. No `server-only`: plain zod. The address is normalised as Auth.js signs people in
// (NFKC, lower case, trimmed), so "Ada@Example.com " and the owner's "ada@example.com" are one address.
import { z } from "zod";
import { formTextSchema } from "@/lib/actions/form-text";

export function normalizeContactEmail(email: string): string {
  return email.normalize("NFKC").toLowerCase().trim();
}

export const addBillingContactSchema = z.object({
  email: z
    .string({ error: "Enter an email address." })
    .transform(normalizeContactEmail)
    .pipe(z.email({ error: "Enter a valid email address, like finance@example.com." }).max(254, { error: "That email address is too long." })),
});
export type AddBillingContact = z.infer<typeof addBillingContactSchema>;

/** The row a remove or resend button acts on: an id the lib checks belongs to the session's account. */
export const billingContactIdSchema = z.object({
  contactId: z
    .string()
    .regex(/^[1-9]\d{0,17}$/, { error: "That contact is not on this account." })
    .transform((value) => BigInt(value)),
});

/** A link's token as the emails carry it: 32 random bytes, base64url (43 characters). */
const linkToken = formTextSchema(z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "not a link of ours" }), "The link");

export const confirmBillingContactSchema = z.object({ token: linkToken });

/** The query of an unsubscribe link (`?contact=&token=`): the id it names and the derived token. */
export const unsubscribeLinkSchema = z.object({
  contact: z
    .string()
    .regex(/^[1-9]\d{0,17}$/)
    .transform((value) => BigInt(value)),
  token: linkToken,
});
export type UnsubscribeLink = z.infer<typeof unsubscribeLinkSchema>;
