// Emails are compared in the form Auth.js signs people in with (NFKC, lowercased, trimmed), so an
// invite written for " Ada@Example.com" matches the magic-link sign-in of "ada@example.com".
import { z } from "zod";

export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").toLowerCase().trim();
}

/** An email address typed into a form, normalised; shared by the forms and the server. */
export const emailSchema = z
  .string({ error: "Enter your email address." })
  .transform(normalizeEmail)
  .pipe(z.email({ error: "Enter a valid email address." }).max(254, { error: "That email address is too long." }));
