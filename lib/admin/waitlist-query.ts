// The admin waitlist table's query string (search, status, join dates, order, page), parsed by one
// schema shared by the page and its CSV route. No `server-only`: plain zod, and the page builds its
// links with waitlistSearchParams.
import { z } from "zod";
import { formTextSchema } from "@/lib/actions/form-text";
import { waitlistStatuses } from "@/lib/db/schema/waitlist";
import { AppError } from "@/lib/errors";
import { INSTANT_BOUNDS_MESSAGE, isWithinInstantBounds } from "@/lib/input/instant";

export const WAITLIST_PAGE_SIZE = 50;

const DAY_MS = 24 * 60 * 60 * 1000;

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "use YYYY-MM-DD" })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return isWithinInstantBounds(date) && date.toISOString().slice(0, 10) === value;
  }, { error: `must be a real date and ${INSTANT_BOUNDS_MESSAGE}` });

export const waitlistQuerySchema = z
  .object({
    q: formTextSchema(z.string().trim().max(200, { error: "keep the search under 200 characters" }), "the search").optional(),
    status: z.enum(["any", ...waitlistStatuses], { error: `choose any, ${waitlistStatuses.join(", ")}` }).default("waiting"),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    order: z.enum(["newest", "oldest"], { error: "choose newest or oldest" }).default("newest"),
    page: z.coerce
      .number({ error: "use a whole number" })
      .int({ error: "use a whole number" })
      .min(1, { error: "pages start at 1" })
      .max(100_000, { error: "at most 100000" })
      .default(1),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { error: "the start date is after the end date", path: ["from"] });

export type WaitlistQuery = z.infer<typeof waitlistQuerySchema>;

/** The query's join-date window as instants: from the start of `from` to the end of `to` (UTC days). */
export function joinedWindow(query: WaitlistQuery): { since?: Date; before?: Date } {
  return {
    since: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    before: query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
  };
}

export const defaultWaitlistQuery: WaitlistQuery = waitlistQuerySchema.parse({});

/**
 * The query string as a WaitlistQuery. Empty fields (a GET form's blanks) mean "not set"; a repeated
 * parameter counts once; anything else wrong is a clear `validation_failed` naming the parameter, so the
 * page says what was wrong and the CSV route answers 400, never a 500.
 */
export function parseWaitlistQueryOrThrow(params: Record<string, string | string[] | undefined>): WaitlistQuery {
  const flat: Record<string, string> = {};
  for (const key of ["q", "status", "from", "to", "order", "page"]) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value !== "") flat[key] = value;
  }
  const parsed = waitlistQuerySchema.safeParse(flat);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join(".") || "query";
    throw new AppError("validation_failed", { message: `${path}: ${issue.message}.`, details: { fields: [{ path, message: issue.message }] } });
  }
  const query = parsed.data;
  return query.q === "" ? { ...query, q: undefined } : query;
}

/** The query as a query string (defaults left out), with `changes` applied: for links and the CSV. */
export function waitlistSearchParams(query: WaitlistQuery, changes: Partial<WaitlistQuery> = {}): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  if (merged.status !== defaultWaitlistQuery.status) params.set("status", merged.status);
  if (merged.from) params.set("from", merged.from);
  if (merged.to) params.set("to", merged.to);
  if (merged.order !== defaultWaitlistQuery.order) params.set("order", merged.order);
  if (merged.page !== 1) params.set("page", String(merged.page));
  return params.toString();
}
