// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. A leading = + - @
// would make a spreadsheet evaluate a text cell, so such text gets a leading apostrophe. Numbers are not
// text: a plain decimal such as "-12.318354" (an amount from microsToDecimal) cannot be a formula, and an
// apostrophe would turn it into text no spreadsheet adds up, so it is left as it is.
export type CsvValue = string | bigint | number | null;

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value !== "string") return value.toString();
  const safe = FORMULA_START.test(value) && !PLAIN_DECIMAL.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

/** Micro-dollars as an exact decimal dollar string, e.g. 1_234_567n → "1.234567". */
export function microsToDecimal(micros: bigint): string {
  const sign = micros < 0n ? "-" : "";
  const absolute = micros < 0n ? -micros : micros;
  return `${sign}${absolute / 1_000_000n}.${(absolute % 1_000_000n).toString().padStart(6, "0")}`;
}
