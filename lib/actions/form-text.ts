// Free text typed into a form, held to the one policy for stranger-sent text (lib/input/text.ts:
// well-formed, no control characters), with a message that names the field. NUL would otherwise reach
// Postgres, which refuses it with an error (a 500), and a lone surrogate would be stored as U+FFFD.
// No `server-only`: the forms and the server share these schemas.
import type { z } from "zod";
import { textProblem } from "@/lib/input/text";

/** `base` (trim and length checks included) refined by the text policy; `what` starts the message. */
export function formTextSchema<T extends z.ZodType<string, string>>(
  base: T,
  what: string,
  options: { allowLineBreaks?: boolean } = {},
): z.ZodType<string, string> {
  return base.superRefine((value, context) => {
    const problem = textProblem(value, options);
    if (problem) context.addIssue({ code: "custom", message: `${what} ${problem}.` });
  });
}

/** The first field of a submitted form that breaks the text policy (line breaks allowed), if any. */
export function findFormTextProblem(formData: FormData): { path: string; message: string } | undefined {
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const problem = textProblem(value, { allowLineBreaks: true });
    if (problem) return { path: key, message: `This field ${problem}.` };
  }
  return undefined;
}
