// The invite-code form's fields. No `server-only`: plain zod.
import { z } from "zod";
import { formTextSchema } from "@/lib/actions/form-text";
import { emailSchema } from "./normalize-email";

export const redeemInviteCodeSchema = z.object({
  code: formTextSchema(
    z
      .string({ error: "Enter your invite code." })
      .trim()
      .min(4, { error: "Enter your invite code." })
      .max(40, { error: "That does not look like an invite code." }),
    "The invite code",
  ),
  email: emailSchema,
});

export type RedeemInviteCode = z.infer<typeof redeemInviteCodeSchema>;
