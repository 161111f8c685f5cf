// Postgres array literals for `unnest` parameters of large batches. node-postgres builds these itself,
// but element by element (two regular expressions and a string concatenation each): for the few
// thousand values of an ingestion batch that was a tenth of the server's CPU and much of its garbage.
// Pass the result as one text parameter and cast it: `${integerArrayLiteral(ids)}::bigint[]`.

const NEEDS_ESCAPE = /["\\]/;

/** `{1,2,NULL}`: integers (bigint or safe-integer numbers) and nulls. */
export function integerArrayLiteral(values: ReadonlyArray<bigint | number | null>): string {
  if (!values.includes(null)) return `{${values.join(",")}}`;
  return `{${values.map((value) => (value === null ? "NULL" : String(value))).join(",")}}`;
}

/** `{"a","b\"c"}`: every element quoted (so none reads as NULL or loses its spaces), `"` and `\` escaped. */
export function textArrayLiteral(values: readonly string[]): string {
  const quoted = values.map((value) => (NEEDS_ESCAPE.test(value) ? value.replace(/["\\]/g, "\\$&") : value));
  return quoted.length === 0 ? "{}" : `{"${quoted.join('","')}"}`;
}
