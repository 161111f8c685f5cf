"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAdminAction } from "@/lib/actions/validated-action";
import { rowIdSchema } from "@/lib/admin/admin-schemas";
import { getDb } from "@/lib/db/client";
import { creditIncident } from "@/lib/incidents/credit-incident";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { declareIncidentSchema } from "@/lib/incidents/incident-schemas";
import { formatCents } from "@/lib/format/money";

export const declareIncidentAction = validatedAdminAction(
  "declareIncident",
  declareIncidentSchema,
  async (input, session) => {
    const { id } = await declareIncident(getDb(), session, input);
    revalidatePath("/admin/incidents");
    redirect(`/admin/incidents/${id}`);
  },
);

export const creditIncidentAction = validatedAdminAction(
  "creditIncident",
  z.object({ incidentId: rowIdSchema }),
  async ({ incidentId }, session) => {
    const result = await creditIncident(getDb(), session, incidentId);
    revalidatePath("/admin/incidents", "layout");
    const accounts = `${result.accounts} ${result.accounts === 1 ? "account" : "accounts"}`;
    return {
      status: "success",
      message: result.isAlreadyCredited
        ? `Already credited before: ${accounts}, ${formatCents(result.creditedMicros)}. Nothing was credited again.`
        : `Credited ${accounts}, ${formatCents(result.creditedMicros)} in all.`,
    };
  },
);
