// Form fields of /admin/tokens, parsed on the server. No `server-only`: plain zod, shared with the forms.
import { z } from "zod";
import { formTextSchema } from "@/lib/actions/form-text";
import type { PlatformTokenScope } from "@/lib/db/schema/usage";
import { rowIdSchema } from "./admin-schemas";

// The graces an operator picks from when rotating: now, or long enough to roll the new secret out.
export const ROTATION_GRACES = [
  { seconds: 0, label: "Now" },
  { seconds: 3600, label: "1 hour" },
  { seconds: 86_400, label: "24 hours" },
  { seconds: 604_800, label: "7 days" },
] as const;

// One checkbox per scope (a form's repeated field would reach the action as its last value only).
export const createPlatformTokenSchema = z
  .object({
    name: formTextSchema(
      z
        .string()
        .trim()
        .min(1, { error: "Name the token after what uses it." })
        .max(100, { error: "Keep the name under 100 characters." }),
      "The name",
    ),
    scopeIngest: z.literal("on").optional(),
    scopeRead: z.literal("on").optional(),
  })
  .transform(({ name, scopeIngest, scopeRead }) => ({
    name,
    scopes: [
      ...(scopeIngest ? ["ingest" as const] : []),
      ...(scopeRead ? ["read" as const] : []),
    ] satisfies PlatformTokenScope[],
  }))
  .refine(({ scopes }) => scopes.length > 0, { error: "Choose at least one scope.", path: ["scopes"] });

export const rotatePlatformTokenSchema = z.object({
  tokenId: rowIdSchema,
  graceSeconds: z.coerce
    .number()
    .refine((seconds) => ROTATION_GRACES.some((grace) => grace.seconds === seconds), {
      error: "Choose a grace period from the list.",
    }),
});

export const revokePlatformTokenSchema = z.object({ tokenId: rowIdSchema });
