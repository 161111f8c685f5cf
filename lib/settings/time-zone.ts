import { z } from "zod";

// A person's time zone for the dates the account area shows: an IANA zone this runtime lists in
// Intl.supportedValuesOf("timeZone") (plus "UTC", which Node lists only as an alias). A name Intl
// knows as an alias (a browser's "Asia/Kolkata" where Node lists "Asia/Calcutta", "europe/paris") is
// kept as the listed name it resolves to, so every stored zone is one of the list. CSVs stay UTC.

/** The cookie the browser's zone travels in until the person chooses one (set by components/account/browser-time-zone). */
export const TIME_ZONE_COOKIE = "tz";

// IANA names are at most ~32 characters; anything longer is not worth asking Intl about.
const MAX_ZONE_LENGTH = 64;

let known: ReadonlySet<string> | undefined;

function knownTimeZones(): ReadonlySet<string> {
  known ??= new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  return known;
}

/** Every zone a person may choose, in Intl's order. */
export function listTimeZones(): readonly string[] {
  return [...knownTimeZones()];
}

/** The listed zone a name stands for, or undefined when it is not a zone of the list. */
export function canonicalTimeZone(value: unknown): string | undefined {
  if (typeof value !== "string" || value === "" || value.length > MAX_ZONE_LENGTH) return undefined;
  if (knownTimeZones().has(value)) return value;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
    return knownTimeZones().has(resolved) ? resolved : undefined;
  } catch {
    return undefined; // a RangeError: not a zone Intl knows
  }
}

const TIME_ZONE_MESSAGE = "choose a time zone from the list, such as Europe/Paris or UTC";

export const timeZoneSchema = z.object({
  timeZone: z
    .string()
    .trim()
    .transform((value, context) => {
      const zone = canonicalTimeZone(value);
      if (zone === undefined) {
        context.addIssue({ code: "custom", message: TIME_ZONE_MESSAGE });
        return z.NEVER;
      }
      return zone;
    }),
});

export type TimeZoneInput = z.infer<typeof timeZoneSchema>;

export { TIME_ZONE_MESSAGE };
