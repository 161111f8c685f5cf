// The account search's query string (/admin/accounts), parsed parameter by parameter so one bad
// parameter keeps the others and the page says which was wrong. No `server-only`: plain zod.
import { z } from "zod";
import { textProblem } from "@/lib/input/text";
import { standingStates } from "@/lib/db/schema/billing-accounts";

export const ACCOUNT_SEARCH_PAGE_SIZE = 50;
/** Offset paging, bounded: past 200 pages (10,000 accounts) a search is the way in, not paging. */
export const ACCOUNT_SEARCH_MAX_PAGE = 200;
export const ACCOUNT_SEARCH_MAX_QUERY = 200;

export const accountStandingFilters = [...standingStates, "closed"] as const;
export type AccountStandingFilter = (typeof accountStandingFilters)[number];

export const accountSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(ACCOUNT_SEARCH_MAX_QUERY, { error: `Search for at most ${ACCOUNT_SEARCH_MAX_QUERY} characters.` })
    .refine((value) => textProblem(value) === undefined, { error: "The search must be plain text on one line." })
    .transform((value) => (value === "" ? undefined : value))
    .optional(),
  // The filter form's "any standing" option sends an empty value.
  standing: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .enum(accountStandingFilters, { error: "Not a known standing: choose active, low, grace, frozen or closed." })
      .optional(),
  ),
  page: z.coerce
    .number({ error: "Not a page number." })
    .int({ error: "Not a page number." })
    .min(1, { error: "Pages start at 1." })
    .max(ACCOUNT_SEARCH_MAX_PAGE, { error: `Pages stop at ${ACCOUNT_SEARCH_MAX_PAGE}: narrow the search instead.` })
    .default(1),
});

export type AccountSearchQuery = z.output<typeof accountSearchQuerySchema>;

type Params = Record<string, string | string[] | undefined>;

/** Each parameter on its own: a bad one is dropped (its default used) and named in `problems`. */
export function parseAccountSearchParams(params: Params): { query: AccountSearchQuery; problems: string[] } {
  const problems: string[] = [];
  const one = (name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const field = <K extends keyof AccountSearchQuery>(name: K): AccountSearchQuery[K] | undefined => {
    const parsed = accountSearchQuerySchema.shape[name].safeParse(one(name));
    if (parsed.success) return parsed.data as AccountSearchQuery[K];
    problems.push(parsed.error.issues[0]?.message ?? `Bad ${name}.`);
    return undefined;
  };
  return { query: { q: field("q"), standing: field("standing"), page: field("page") ?? 1 }, problems };
}
