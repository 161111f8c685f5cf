// The fuzz suite's common parts: one seed for every property (a failure prints it, and FUZZ_SEED=<seed>
// replays the run), hostile values, and the one assertion every public endpoint must keep: no 5xx, ever,
// and every refusal in the documented JSON error shape.
import type { APIResponse } from "@playwright/test";
import fc from "fast-check";
import { expect } from "../support/auth-fixture";

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 60);

/** fast-check parameters for a property over `runs` generated requests (scaled by FUZZ_RUNS). */
export function fuzzParameters(runs = FUZZ_RUNS): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: runs, interruptAfterTimeLimit: 40_000, markInterruptAsFailure: false };
}

// Values that broke sites like this one: lone surrogates, NUL and other controls, bidi overrides,
// percent-encoding and path tricks, numbers past 64 bits, years at the ends of the calendar.
const NASTY = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "x\ud800",
  "\udfff",
  "\u202e",
  "\u0007\u001b[31m",
  "\u0085",
  "../../etc/passwd",
  "%00",
  "%E0%A4%A",
  "%ZZ",
  "' or 1=1 --",
  "<script>alert(1)</script>",
  "{{7*7}}",
  "-1",
  "1e309",
  "NaN",
  "Infinity",
  "99999999999999999999",
  "-9223372036854775809",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:00:00Z",
  "0000-01-01",
  "9999-12-31",
  "acct_",
  "acct_\u0000",
  "a".repeat(5_000),
];

/** Any string a stranger might send: nasty constants, arbitrary UTF-16 (lone surrogates included), and text. */
export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  // Any UTF-16 code unit, so unpaired surrogates come up as often as letters.
  { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

/** Any JSON value, including huge, negative, fractional and string numbers. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(0, -1, 1.5, 2 ** 53 + 1, 1e308, -0, 10 ** 15, 10 ** 16, true, false, null),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((value) => value.toString()),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Percent-encodes a string for a URL, but lets raw `%` sequences through so malformed escapes reach the server. */
export function looselyEncoded(value: string): string {
  if (/%[0-9A-Za-z]{0,2}/.test(value) && value.isWellFormed()) return value.replace(/[^%A-Za-z0-9_.~-]/g, (char) => encodeURIComponent(char));
  return value.isWellFormed() ? encodeURIComponent(value) : encodeURIComponent(value.toWellFormed()).replace(/%EF%BF%BD/g, "%ED%A0%80");
}

/**
 * The contract every public endpoint keeps: never a 5xx, and a refusal (4xx) from a JSON API is the
 * documented `{ error: { code, message } }` with a snake_case code.
 */
export async function expectNoServerError(response: APIResponse, what: string, options: { json?: boolean } = {}): Promise<void> {
  const status = response.status();
  const text = await response.text();
  expect(status, `${what} answered ${status}: ${text.slice(0, 300)}`).toBeLessThan(500);
  if (options.json && status >= 400) {
    expect(response.headers()["content-type"], `${what}: content type of a ${status}`).toContain("application/json");
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(body.error?.code, `${what}: error code in ${text.slice(0, 200)}`).toMatch(/^[a-z][a-z_]*$/);
    expect(typeof body.error?.message, `${what}: error message`).toBe("string");
  }
}
