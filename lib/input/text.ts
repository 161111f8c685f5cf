// The one policy for text that strangers send: well-formed Unicode (no lone UTF-16 surrogates, which
// Postgres would store as U+FFFD and then never match again) and no control characters (NUL is refused
// by Postgres outright; the rest have no place in names, ids or query parameters). Free of `server-only`
// so forms, route handlers and pure tests share it.
import { z } from "zod";

// C0 controls, DEL and C1 controls. Free-text fields that allow line breaks pass `allowLineBreaks`.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const CONTROL_CHARACTER_MESSAGE = "must not contain control characters";
export const ILL_FORMED_MESSAGE = "must be well-formed Unicode (no unpaired surrogates)";

/** Whether `value` is well-formed UTF-16: every surrogate is half of a pair. */
export function isWellFormedText(value: string): boolean {
  return value.isWellFormed();
}

export function hasControlCharacters(value: string, options: { allowLineBreaks?: boolean } = {}): boolean {
  return (options.allowLineBreaks ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(value);
}

/** Why `value` is not acceptable text, or undefined when it is. */
export function textProblem(value: string, options: { allowLineBreaks?: boolean } = {}): string | undefined {
  if (!isWellFormedText(value)) return ILL_FORMED_MESSAGE;
  if (hasControlCharacters(value, options)) return CONTROL_CHARACTER_MESSAGE;
  return undefined;
}

/**
 * A string schema that refuses ill-formed Unicode and control characters. Compose length and format
 * checks on the result: `safeTextSchema().max(80)` does not work (refinements end the string chain), so
 * pass the base: `safeTextSchema(z.string().trim().max(80))`.
 */
export function safeTextSchema<T extends z.ZodType<string, string>>(
  base?: T,
  options: { allowLineBreaks?: boolean } = {},
): z.ZodType<string, string> {
  const schema: z.ZodType<string, string> = base ?? z.string();
  return schema.superRefine((value, ctx) => {
    const problem = textProblem(value, options);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}
