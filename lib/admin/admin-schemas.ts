// Form fields of the admin actions, parsed on the server. No `server-only`: plain zod.
import { z } from "zod";
import { formTextSchema } from "@/lib/actions/form-text";
import { launchModes } from "@/lib/db/schema/settings";
import { promotionalGrantSchema } from "@/lib/settings/promotional-grant";

export const rowIdSchema = z.string().regex(/^\d{1,18}$/, { error: "Unknown row." }).transform((value) => BigInt(value));

const count = (what: string, max: number) =>
  z.coerce
    .number({ error: `Enter the ${what} as a whole number.` })
    .int({ error: `Enter the ${what} as a whole number.` })
    .min(0, { error: `The ${what} cannot be negative.` })
    .max(max, { error: `The ${what} can be at most ${max.toLocaleString("en-US")}.` });

export const launchSettingsSchema = z.object({
  launchMode: z.enum(launchModes, { error: "Choose a launch mode." }),
  accountCap: count("account cap", 10_000_000),
  memberInviteAllowance: count("invite allowance", 1000),
  promotionalGrant: promotionalGrantSchema,
});

export const createInviteCodeSchema = z.object({
  uses: count("number of uses", 10_000).min(1, { error: "A code needs at least one use." }),
  expiresInDays: count("lifetime", 365).min(1, { error: "A code must last at least a day." }),
  note: formTextSchema(z.string().trim().max(200, { error: "Keep the note under 200 characters." }), "The note")
    .transform((value) => (value === "" ? undefined : value))
    .optional(),
});

export const waitlistDecisionSchema = z.object({ entryId: rowIdSchema, decision: z.enum(["approve", "reject"]) });

// The waitlist table's bulk form: one checkbox per row, named `entry-<id>`, so a plain form post (no
// JavaScript) carries the selection as distinct fields (the action wrapper reads one value a name).
const BULK_ENTRY_FIELD = /^entry-(\d{1,18})$/;
export const waitlistBulkDecisionSchema = z
  .object({ decision: z.enum(["approve", "reject"], { error: "Choose approve or decline." }) })
  .catchall(z.unknown())
  .transform(({ decision, ...fields }, context) => {
    const entryIds = Object.keys(fields).flatMap((key) => {
      const id = BULK_ENTRY_FIELD.exec(key)?.[1];
      return id === undefined ? [] : [BigInt(id)];
    });
    if (entryIds.length === 0) context.addIssue({ code: "custom", message: "Select at least one entry first.", path: ["entries"] });
    if (entryIds.length > 100) context.addIssue({ code: "custom", message: "Select at most 100 entries at a time.", path: ["entries"] });
    return { decision, entryIds };
  });
