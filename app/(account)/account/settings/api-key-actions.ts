"use server";

import { revalidatePath } from "next/cache";
import { apiKeyIdSchema, apiKeyNameSchema } from "@/lib/api-keys/api-key-schemas";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { validatedActionWithSession } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";

// The settings page's personal API keys (issue 19): both act on the session's own account only.

export const createApiKeyAction = validatedActionWithSession(
  "createApiKey",
  apiKeyNameSchema,
  async ({ keyName }, session) => {
    const created = await createApiKey(getDb(), session, keyName);
    revalidatePath("/account/settings");
    return {
      status: "success",
      message: `Key “${created.name}” created. Copy it now: it is shown only this once, and we keep only a fingerprint of it.`,
      reveal: created.key,
    };
  },
);

export const revokeApiKeyAction = validatedActionWithSession(
  "revokeApiKey",
  apiKeyIdSchema,
  async ({ keyId }, session) => {
    const { name } = await revokeApiKey(getDb(), session, keyId);
    revalidatePath("/account/settings");
    return { status: "success", message: `Key “${name}” revoked: it stopped working at once.` };
  },
);
