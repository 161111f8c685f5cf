import { z } from "zod";
import { invalidRequestError, missingParamError, type EmulatorError } from "../core/errors";

// Form bodies carry only strings, so numbers and booleans are parsed here with Stripe's wording.
export const intParam = z
  .string()
  .regex(/^-?\d+$/, "Invalid integer")
  .transform(Number);
export const boolParam = z.enum(["true", "false"]).transform((value) => value === "true");
export const idParam = z.string().min(1, "must not be empty");
export const expandParam = z.array(z.string()).optional();
// `metadata=` (empty) clears all keys; a key with an empty value deletes that key on update.
export const metadataParam = z.union([z.literal(""), z.record(z.string(), z.string())]).optional();
export const createdParam = z
  .union([
    intParam,
    z.strictObject({
      gt: intParam.optional(),
      gte: intParam.optional(),
      lt: intParam.optional(),
      lte: intParam.optional(),
    }),
  ])
  .optional();

export const listParamsShape = {
  limit: intParam.optional(),
  starting_after: z.string().optional(),
  ending_before: z.string().optional(),
  created: createdParam,
  expand: expandParam,
};

export type Metadata = Record<string, string>;

// Stripe spells nested params in bracket form: line_items[0][price_data][currency].
function formatParamPath(path: ReadonlyArray<PropertyKey>): string {
  const [head, ...rest] = path.map(String);
  return (head ?? "") + rest.map((part) => `[${part}]`).join("");
}

function readPath(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function toEmulatorError(issue: z.core.$ZodIssue, raw: unknown): EmulatorError {
  if (issue.code === "unrecognized_keys") {
    const param = formatParamPath([...issue.path, issue.keys[0] ?? ""]);
    return invalidRequestError(`Received unknown parameter: ${param}`, { param, code: "parameter_unknown" });
  }
  const param = formatParamPath(issue.path);
  if (readPath(raw, issue.path) === undefined) return missingParamError(param);
  return invalidRequestError(`Invalid ${param}: ${issue.message}`, { param, code: "parameter_invalid" });
}

export function parseParams<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  if (!issue) throw invalidRequestError("Invalid request parameters.");
  throw toEmulatorError(issue, raw);
}

export function mergeMetadata(current: Metadata | null, update: "" | Metadata | undefined): Metadata {
  if (update === undefined) return { ...(current ?? {}) };
  if (update === "") return {};
  const merged: Metadata = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(update)) {
    if (value === "") delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
