// The incident forms' fields, parsed on the server. No `server-only`: plain zod, shared with the forms.
import { z } from "zod";
import { formTextSchema } from "@/lib/actions/form-text";
import { INSTANT_BOUNDS_MESSAGE, isWithinInstantBounds } from "@/lib/input/instant";

/** At most this many spaces listed in one incident (more is an outage of everything: choose all). */
export const MAX_LISTED_SPACES = 500;

// An instant in UTC as a `datetime-local` input sends it (`2026-12-01T10:30`, seconds optional) or as
// an ISO instant with `Z`. A local time without a zone is read as UTC: the form says so beside it.
const instantSchema = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?$/, {
      error: `Enter the ${what} as a date and time (UTC).`,
    })
    .transform((value) => new Date(value.endsWith("Z") ? value : `${value}Z`))
    .refine(isWithinInstantBounds, { error: `The ${what} ${INSTANT_BOUNDS_MESSAGE}.` });

export type SpaceRef = { account: string; space: string };

// One `account/space` a line, e.g. `acct_123/whiteboard`; blank lines are skipped.
const spaceListSchema = formTextSchema(
  z.string().max(100_000, { error: "The list of spaces is too long." }),
  "The list of spaces",
  {
    allowLineBreaks: true,
  },
).transform((value, context): SpaceRef[] => {
  const lines = value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const refs: SpaceRef[] = [];
  for (const line of lines) {
    const match = /^([A-Za-z0-9_-]{1,100})\/(\S{1,200})$/.exec(line);
    if (!match) {
      context.addIssue({
        code: "custom",
        message: `"${line.slice(0, 80)}" is not account/space (e.g. acct_123/whiteboard).`,
      });
      return z.NEVER;
    }
    refs.push({ account: match[1]!, space: match[2]! });
  }
  if (refs.length > MAX_LISTED_SPACES) {
    context.addIssue({ code: "custom", message: `List at most ${MAX_LISTED_SPACES} spaces, or choose every space.` });
    return z.NEVER;
  }
  return refs;
});

export const declareIncidentSchema = z
  .object({
    title: formTextSchema(
      z
        .string()
        .trim()
        .min(1, { error: "Give the incident a title." })
        .max(120, { error: "Keep the title under 120 characters." }),
      "The title",
    ),
    summary: formTextSchema(
      z.string().trim().max(2000, { error: "Keep what happened under 2,000 characters." }),
      "What happened",
      {
        allowLineBreaks: true,
      },
    )
      .transform((value) => (value === "" ? undefined : value))
      .optional(),
    startsAt: instantSchema("start"),
    endsAt: instantSchema("end"),
    scope: z.enum(["all", "listed"], { error: "Choose every space or the listed ones." }),
    spaces: spaceListSchema.optional().transform((refs) => refs ?? []),
  })
  .superRefine((input, context) => {
    if (input.scope === "listed" && input.spaces.length === 0) {
      context.addIssue({
        code: "custom",
        path: ["spaces"],
        message: "List the affected spaces, one account/space a line, or choose every space.",
      });
    }
  });

export type DeclareIncidentInput = z.output<typeof declareIncidentSchema>;
