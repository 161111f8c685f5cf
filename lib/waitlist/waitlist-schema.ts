// The waitlist form's fields, parsed the same way wherever they arrive. No `server-only`: plain zod.
import { z } from "zod";
import { formTextSchema } from "@/lib/actions/form-text";
import { emailSchema } from "@/lib/invites/normalize-email";

// A URL parser percent-encodes a NUL in a path, so the link is held to the text policy before it.
const optionalLink = formTextSchema(z.string().trim().max(500, { error: "Keep the link under 500 characters." }), "The link")
  .transform((value) => (value === "" ? undefined : /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`))
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a web address, like github.com/you/project." }).optional());

export const joinWaitlistSchema = z.object({
  email: emailSchema,
  building: formTextSchema(
    z
      .string({ error: "Tell us what you are building." })
      .trim()
      .min(3, { error: "Tell us what you are building, in a few words." })
      .max(1000, { error: "Keep it under 1,000 characters." }),
    "What you are building",
    { allowLineBreaks: true },
  ),
  link: optionalLink.optional(),
});

export type JoinWaitlist = z.infer<typeof joinWaitlistSchema>;

export const withdrawFromWaitlistSchema = z.object({ token: formTextSchema(z.string().min(20).max(100), "The link") });
