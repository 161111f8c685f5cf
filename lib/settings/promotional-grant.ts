// The welcome credit a new billing account receives (issue 3, line 5): an operator setting, stored in
// micro-dollars. Pure (no `server-only`): the admin form's schema parses it too.
import { z } from "zod";
import { parseDollarsToCents } from "@/lib/input/parse-dollars-to-cents";

export const DEFAULT_PROMOTIONAL_GRANT_MICROS = 5_000_000n;
export const MAX_PROMOTIONAL_GRANT_MICROS = 100_000_000n;

const MICROS_PER_CENT = 10_000n;
const message = `Enter the welcome credit in dollars, from $0 to $${MAX_PROMOTIONAL_GRANT_MICROS / 1_000_000n} (for example 5 or 2.50).`;

/** "$5", "2.50" or "0" from the admin form as micro-dollars, between $0 and the maximum. */
export const promotionalGrantSchema = z.string({ error: message }).transform((text, context) => {
  const cents = parseDollarsToCents(text);
  const micros = cents === undefined ? undefined : BigInt(cents) * MICROS_PER_CENT;
  if (micros === undefined || micros > MAX_PROMOTIONAL_GRANT_MICROS) {
    context.addIssue({ code: "custom", message });
    return z.NEVER;
  }
  return micros;
});

/** Micro-dollars as the form shows them: "5.00" (the setting is always whole cents). */
export function formatGrantForForm(micros: bigint): string {
  const cents = micros / MICROS_PER_CENT;
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
}
