import { z } from "zod";

// What the rest of the app knows about a signed-in person: built from the database rows on every request
// (so a role change applies on the next one) by lib/session/read-session.ts, for pages and Auth.js alike.
export const appSessionSchema = z.object({
  user: z.object({
    id: z.string().min(1),
    email: z.string().min(1),
    name: z.string().nullable(),
    role: z.enum(["user", "admin"]),
  }),
  expires: z.string(),
});

export type AppSession = z.infer<typeof appSessionSchema>;
