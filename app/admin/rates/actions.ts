"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAdminAction } from "@/lib/actions/validated-action";
import { RESOURCES, type Resource } from "@/lib/billing/resources";
import { getDb } from "@/lib/db/client";
import { RESOURCE_COPY } from "@/lib/pricing/resource-copy";
import { createRateDraft, discardRateDraft, updateRateDraft } from "@/lib/rate-drafts/manage-rate-drafts";
import { publishRateDraft } from "@/lib/rate-drafts/publish-rate-draft";
import {
  createRateDraftSchema,
  publishRateDraftSchema,
  rateDraftIdSchema,
  updateRateDraftSchema,
} from "@/lib/rate-drafts/rate-draft-schemas";

const resourceNames = Object.fromEntries(
  RESOURCES.map((resource) => [resource, RESOURCE_COPY[resource].name]),
) as Record<Resource, string>;

export const createRateDraftAction = validatedAdminAction(
  "createRateDraft",
  createRateDraftSchema,
  async (input, session) => {
    const { id } = await createRateDraft(getDb(), session, input);
    revalidatePath("/admin/rates");
    redirect(`/admin/rates/drafts/${id}`);
  },
);

export const updateRateDraftAction = validatedAdminAction(
  "updateRateDraft",
  updateRateDraftSchema,
  async (input, session) => {
    await updateRateDraft(getDb(), session, input);
    revalidatePath("/admin/rates", "layout");
    return { status: "success", message: "Draft saved. The preview below shows its prices." };
  },
);

export const discardRateDraftAction = validatedAdminAction(
  "discardRateDraft",
  z.object({ draftId: rateDraftIdSchema }),
  async ({ draftId }, session) => {
    await discardRateDraft(getDb(), session, draftId);
    revalidatePath("/admin/rates");
    redirect("/admin/rates");
  },
);

export const publishRateDraftAction = validatedAdminAction(
  "publishRateDraft",
  publishRateDraftSchema,
  async (input, session) => {
    const published = await publishRateDraft(getDb(), session, { ...input, resourceNames });
    // The pricing page regenerates from the database within its 15 s (pages/pricing.tsx).
    revalidatePath("/admin/rates", "layout");
    const emails = published.emailsOwed === 1 ? "1 customer" : `${published.emailsOwed} customers`;
    return {
      status: "success",
      message: published.wasPublished
        ? `This draft was already published as v${published.version}; nothing changed.`
        : `Published as rate card v${published.version}.${published.raised.length > 0 ? ` It raises a price: ${emails} will get one email about it.` : " No price goes up, so no email is sent."}`,
    };
  },
);
