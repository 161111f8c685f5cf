import type { z } from "zod";
import { AppError } from "@/lib/errors";

// At most this many fields are itemised; a batch of 1,000 bad records must not answer megabytes.
const MAX_LISTED = 20;

export type FieldIssue = { path: string; message: string; record?: number; field?: string };

/** `["records", 3, "cpu_ms"]` → `records[3].cpu_ms`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, segment) => {
    if (typeof segment === "number") return `${out}[${segment}]`;
    const name = String(segment);
    return out === "" ? name : `${out}.${name}`;
  }, "");
}

function toFieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  // An unknown key is reported on its object; name each key so the path points at the offending field.
  const paths = issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
  const message = issue.code === "unrecognized_keys" ? "unknown field" : issue.message;
  return paths.map((path) => {
    const record = path[0] === "records" && typeof path[1] === "number" ? path[1] : undefined;
    const field = record !== undefined && path.length > 2 ? path.slice(2).map(String).join(".") : undefined;
    return {
      path: formatIssuePath(path),
      message,
      ...(record !== undefined ? { record } : {}),
      ...(field ? { field } : {}),
    };
  });
}

/**
 * A zod failure as a 400 `validation_failed` whose message names the first bad field (e.g.
 * `records[3].cpu_ms: …`) and whose details list the fields, with `record` and `field` of the first.
 */
export function toValidationError(error: z.ZodError, options: { note?: string } = {}): AppError {
  // zod can report one field twice (e.g. a number past both `int` and `max`): keep each message once.
  const seen = new Set<string>();
  const issues = error.issues.flatMap(toFieldIssues).filter((issue) => {
    const key = `${issue.path}\0${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const first = issues[0] ?? { path: "", message: "invalid input" };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return new AppError("validation_failed", {
    message: `${first.path ? `${first.path}: ` : ""}${first.message}${more}.${options.note ? ` ${options.note}` : ""}`,
    details: {
      ...(first.record !== undefined ? { record: first.record } : {}),
      ...(first.field !== undefined ? { field: first.field } : {}),
      fields: issues.slice(0, MAX_LISTED),
      ...(issues.length > MAX_LISTED ? { more_fields: issues.length - MAX_LISTED } : {}),
    },
  });
}

/** The request's query string parsed by `schema`, or a `validation_failed` naming the parameter. */
export function parseSearchParamsOrThrow<Schema extends z.ZodType>(schema: Schema, request: Request): z.output<Schema> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw toValidationError(parsed.error);
  return parsed.data;
}

/** A route's path parameters parsed by `schema`, or a `validation_failed` naming the parameter. */
export function parseParamsOrThrow<Schema extends z.ZodType>(schema: Schema, params: unknown): z.output<Schema> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw toValidationError(parsed.error);
  return parsed.data;
}
