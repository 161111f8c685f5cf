"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAdminAction } from "@/lib/actions/validated-action";
import { rowIdSchema } from "@/lib/admin/admin-schemas";
import { retryAllUndeliveredEmails, retryUndeliveredEmail } from "@/lib/admin/retry-undelivered-email";
import { getDb } from "@/lib/db/client";
import { owedEmailKinds } from "@/lib/email/email-retry";

const retryEmailSchema = z.object({ kind: z.enum(owedEmailKinds, { error: "Unknown email." }), id: rowIdSchema });

// The retried row leaves the list (and its button with it), so the confirmation travels in the URL:
// it shows after a redirect, with or without JavaScript.
export const retryUndeliveredEmailAction = validatedAdminAction(
  "retryUndeliveredEmail",
  retryEmailSchema,
  async (input, session) => {
    await retryUndeliveredEmail(getDb(), session, input);
    revalidatePath("/admin", "layout");
    redirect(`/admin/emails?retried=${input.kind}`);
  },
);

// Every given-up email at once, after the cause (SMTP, say) is fixed.
export const retryAllUndeliveredEmailsAction = validatedAdminAction(
  "retryAllUndeliveredEmails",
  z.object({}),
  async (_input, session) => {
    const count = await retryAllUndeliveredEmails(getDb(), session);
    revalidatePath("/admin", "layout");
    redirect(`/admin/emails?retried=all&count=${count}`);
  },
);
