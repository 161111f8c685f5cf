import "server-only";
import type { z } from "zod";
import { AppError, errorTable } from "@/lib/errors";
import { BODY_LIMITS, readCappedBodyOrThrow } from "@/lib/http/read-capped-body";
import { findFormTextProblem } from "./form-text";
import type { FormPostResult } from "./page-server-call";
import { toActionState } from "./to-action-state";

export type HandleFormPostOptions<Schema extends z.ZodType> = {
  /** For the logs and metrics, like a server action's name. */
  name: string;
  schema: Schema;
  /** Runs the domain function; returns where to send the browser afterwards (303, post/redirect/get). */
  handler: (input: z.output<Schema>) => Promise<string>;
};

const FORM_TYPE = "application/x-www-form-urlencoded";

/**
 * Next's server actions refuse a POST whose Origin is not the host it was sent to; a form posted to a
 * page is checked the same way, so another site cannot make a visitor's browser send it. A browser
 * sends Origin with every POST; a request without one is refused too.
 */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The validatedAction of a form that a zero-JS page posts as plain HTML (no JavaScript, no server action):
 * the same origin check as Next's actions, the body capped at 16 kB, the zod schema, the text policy on
 * every field, and every failure mapped by the one error table (toActionState) to the form state the
 * page shows again, with the table's HTTP status.
 */
export async function handleFormPost<Schema extends z.ZodType>(request: Request, options: HandleFormPostOptions<Schema>): Promise<FormPostResult> {
  let values: Record<string, string> = {};
  try {
    if (!isSameOrigin(request)) {
      throw new AppError("forbidden", { message: "This form was sent from another site, so nothing was done. Open the page on this site and send it from there." });
    }
    const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (contentType !== FORM_TYPE) {
      throw new AppError("bad_request", { message: `Send the form as ${FORM_TYPE}, as a browser does.` });
    }
    const body = new TextDecoder().decode(await readCappedBodyOrThrow(request, BODY_LIMITS.publicForm));
    const formData = new FormData();
    for (const [key, value] of new URLSearchParams(body)) formData.append(key, value);
    values = Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    const input = options.schema.parse(values);
    const problem = findFormTextProblem(formData);
    if (problem) throw new AppError("validation_failed", { message: problem.message, details: { fields: [problem] } });
    return { kind: "redirect", location: await options.handler(input) };
  } catch (error) {
    const state = toActionState(error, { action: options.name });
    if (state.status !== "error") throw error;
    return { kind: "error", status: errorTable[state.code].status, state, values };
  }
}
