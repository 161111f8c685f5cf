// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. A leading = + - @
// would make a spreadsheet evaluate the cell, so such text fields get a leading apostrophe.
export type CsvValue = string | bigint | number | null;

function field(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value !== "string") return value.toString();
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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
