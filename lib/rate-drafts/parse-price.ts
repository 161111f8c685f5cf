import "server-only";

/** The most a price per unit may be: $1,000,000 (so no typo of extra digits becomes a card). */
const MAX_PRICE_MICROS = 1_000_000n * 1_000_000n;

export type ParsedPrice = { ok: true; micros: bigint } | { ok: false; message: string };

/**
 * A price an operator typed, in dollars per the unit the form shows ("0.045", "$12", "0.000250"), as
 * whole micro-dollars, exactly: the digits are read as a decimal string, never through a float (0.1 +
 * 0.2 is not 0.3 in doubles, and a price is multiplied by billions of units). The unit label carries the
 * scale (per million messages, per GB), so a micro-dollar per unit is fine enough for any price, and the
 * result is the exact rational `micros / per_units` the ledger rates with. More than six decimals would
 * need a fraction of a micro-dollar per unit: refused with a message, never rounded.
 */
export function parseDecimalPrice(text: string): ParsedPrice {
  const trimmed = text.trim().replace(/^\$\s*/, "");
  if (trimmed === "") return { ok: false, message: "Enter a price, e.g. 0.04." };
  if (trimmed.startsWith("-")) return { ok: false, message: "A price cannot be negative." };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(trimmed) ?? /^()\.(\d+)$/.exec(trimmed);
  if (!match) return { ok: false, message: "Enter a price in dollars with digits and at most one point, e.g. 0.04." };
  const whole = match[1] ?? "";
  const fraction = match[2] ?? "";
  if (fraction.length > 6) {
    return {
      ok: false,
      message:
        "A price is exact to the micro-dollar: at most 6 decimal places (choose a larger unit for smaller prices).",
    };
  }
  if (whole.replace(/^0+/, "").length > 7)
    return { ok: false, message: "A price must be at most $1,000,000 per unit." };
  const micros = BigInt(whole === "" ? "0" : whole) * 1_000_000n + BigInt(fraction.padEnd(6, "0") || "0");
  if (micros > MAX_PRICE_MICROS) return { ok: false, message: "A price must be at most $1,000,000 per unit." };
  return { ok: true, micros };
}

/** A price in micro-dollars as the form shows it back: the shortest exact decimal, "0.045", "12", "0.00025". */
export function formatDecimalPrice(micros: bigint): string {
  const whole = micros / 1_000_000n;
  const fraction = (micros % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return fraction === "" ? whole.toString() : `${whole}.${fraction}`;
}
