import { z } from "zod";

// What the rest of the app knows about a signed-in person: built by the Auth.js session callback from
// the database row (so a role change applies on the next request) and parsed back from auth().
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
