import { z } from "zod";
import { safeTextSchema } from "@/lib/input/text";

// The settings forms' input, shared by the panel and the actions. Free of `server-only`: pure tests import it.

export const apiKeyNameSchema = z.object({
  keyName: safeTextSchema(
    z
      .string()
      .trim()
      .min(1, "Name the key, e.g. the script that uses it.")
      .max(100, "A key name has at most 100 characters."),
  ),
});
export type ApiKeyNameInput = z.infer<typeof apiKeyNameSchema>;

export const apiKeyIdSchema = z.object({
  keyId: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/, "Not a key of this account.")
    .transform((value) => BigInt(value)),
});
export type ApiKeyIdInput = z.infer<typeof apiKeyIdSchema>;
