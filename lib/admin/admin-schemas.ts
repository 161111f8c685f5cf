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
