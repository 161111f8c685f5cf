// The waitlist form's fields, parsed the same way wherever they arrive. No `server-only`: plain zod.
import { z } from "zod";
import { emailSchema } from "@/lib/invites/normalize-email";

const optionalLink = z
  .string()
  .trim()
  .max(500, { error: "Keep the link under 500 characters." })
  .transform((value) => (value === "" ? undefined : /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`))
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a web address, like github.com/you/project." }).optional());

export const joinWaitlistSchema = z.object({
  email: emailSchema,
  building: z
    .string({ error: "Tell us what you are building." })
    .trim()
    .min(3, { error: "Tell us what you are building, in a few words." })
    .max(1000, { error: "Keep it under 1,000 characters." }),
  link: optionalLink.optional(),
});

export type JoinWaitlist = z.infer<typeof joinWaitlistSchema>;

export const withdrawFromWaitlistSchema = z.object({ token: z.string().min(20).max(100) });
