// Form fields of the rate card actions (app/admin/rates), parsed on the server. No `server-only`: plain zod.
import { z } from "zod";
import { formTextSchema } from "@/lib/actions/form-text";
import { RESOURCES, type Resource } from "@/lib/billing/resources";

export const rateDraftIdSchema = z
  .string()
  .regex(/^\d{1,18}$/, { error: "Unknown draft." })
  .transform((value) => BigInt(value));

const nameSchema = formTextSchema(
  z.string().trim().min(1, { error: "Name the draft." }).max(100, { error: "Keep the name under 100 characters." }),
  "The name",
);

export const createRateDraftSchema = z.object({ name: nameSchema });

/** The form's field for a resource's price (parsed exactly by parseDecimalPrice, not here). */
export const priceField = (resource: Resource) => `price_${resource}` as const;

export const updateRateDraftSchema = z
  .object({
    draftId: rateDraftIdSchema,
    name: nameSchema,
    ...Object.fromEntries(
      RESOURCES.map((resource) => [priceField(resource), z.string().max(40, { error: "That is not a price." })]),
    ),
  })
  .transform((input) => {
    const fields = input as unknown as Record<string, string>;
    return {
      draftId: input.draftId,
      name: input.name,
      prices: Object.fromEntries(RESOURCES.map((resource) => [resource, fields[priceField(resource)] ?? ""])) as Record<
        Resource,
        string
      >,
    };
  });

/** `datetime-local`'s value ("2027-01-01T00:00"), read as UTC: the form says so. */
export const publishRateDraftSchema = z.object({
  draftId: rateDraftIdSchema,
  effectiveFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:00)?$/, { error: "Enter the date and hour the card takes effect (UTC)." })
    .transform((value, context) => {
      const instant = new Date(`${value.slice(0, 16)}:00Z`);
      if (Number.isNaN(instant.getTime())) {
        context.addIssue({ code: "custom", message: "That date does not exist." });
        return z.NEVER;
      }
      return instant;
    }),
});
