import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { AppSession } from "@/lib/session/app-session";
import { getCurrentSession } from "@/lib/session/get-current-session";
import { requireAdmin } from "@/lib/session/require-admin";
import { AppError } from "@/lib/errors";
import type { ActionState, FormAction } from "./action-state";
import { findFormTextProblem } from "./form-text";
import { toActionState } from "./to-action-state";

/** The schema of a form that carries nothing but its button (sign out, open the card portal). */
export const noInputSchema = z.object({});

type Handler<Schema extends z.ZodType> = (input: z.output<Schema>) => Promise<ActionState | void>;
type SessionHandler<Schema extends z.ZodType> = (input: z.output<Schema>, session: AppSession) => Promise<ActionState | void>;

/**
 * The one wrapper every server action goes through: parse the form with the zod schema, run the
 * handler, and map anything it throws to form state. Next's redirect() and notFound() are control flow,
 * not errors, so they are rethrown untouched. Beyond its schema (whose free-text fields say which field
 * broke the text policy of lib/input/text.ts), every field is held to that policy, so no field a schema
 * passes through unchecked (a token, an id) can carry NUL to Postgres.
 */
export function validatedAction<Schema extends z.ZodType>(name: string, schema: Schema, handler: Handler<Schema>): FormAction {
  return async (_previous, formData) => {
    try {
      const input = schema.parse(Object.fromEntries(formData));
      const problem = findFormTextProblem(formData);
      if (problem) throw new AppError("validation_failed", { message: problem.message, details: { fields: [problem] } });
      return (await handler(input)) ?? { status: "idle" };
    } catch (error) {
      unstable_rethrow(error);
      return toActionState(error, { action: name });
    }
  };
}

/** validatedAction for signed-in people only: the handler gets the session, never a client-sent id. */
export function validatedActionWithSession<Schema extends z.ZodType>(
  name: string,
  schema: Schema,
  handler: SessionHandler<Schema>,
): FormAction {
  return validatedAction(name, schema, async (input) => {
    const session = await getCurrentSession();
    if (!session) throw new AppError("unauthenticated", { message: "Your session has ended. Sign in again." });
    return handler(input, session);
  });
}

/**
 * validatedAction for operators only: anyone else, signed in or not, gets `not_found`, as the admin
 * pages answer 404. The domain functions check the role again (authorization in the data layer).
 */
export function validatedAdminAction<Schema extends z.ZodType>(name: string, schema: Schema, handler: SessionHandler<Schema>): FormAction {
  return validatedAction(name, schema, async (input) => handler(input, requireAdmin(await getCurrentSession())));
}
