// Money for people. One formatter: cents wherever a person reads an amount, rounded half to even
// (banker's rounding, so a column of rounded amounts does not drift one way), with the exact
// micro-dollars available for a `title`. Micro-dollars only in CSVs and the usage detail that needs
// them (formatExactMicros). Never via a float.

const MICROS_PER_CENT = 10_000n;

function group(whole: bigint): string {
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Micro-dollars rounded to whole cents, half to even: 5_000n → 0n, 15_000n → 2n, -15_000n → -2n. */
export function roundToCents(micros: bigint): bigint {
  const negative = micros < 0n;
  const absolute = negative ? -micros : micros;
  const cents = absolute / MICROS_PER_CENT;
  const rest = absolute % MICROS_PER_CENT;
  const half = MICROS_PER_CENT / 2n;
  const rounded = rest > half || (rest === half && cents % 2n === 1n) ? cents + 1n : cents;
  return negative ? -rounded : rounded;
}

type SignOption = {
  /** "+$25.00" for credits on a statement; a negative amount always carries "−". */
  plusSign?: boolean;
};

/** "$1,234.56", "-$0.02": cents, half to even. Zero is "$0.00" (never "-$0.00"). */
export function formatCents(micros: bigint, options: SignOption = {}): string {
  const cents = roundToCents(micros);
  const negative = cents < 0n;
  const absolute = negative ? -cents : cents;
  const digits = `${group(absolute / 100n)}.${(absolute % 100n).toString().padStart(2, "0")}`;
  if (negative) return `-$${digits}`;
  return options.plusSign && cents > 0n ? `+$${digits}` : `$${digits}`;
}

/** The exact amount, "$1.209886": for a title, a CSV or the usage detail. */
export function formatExactMicros(micros: bigint, options: SignOption = {}): string {
  const negative = micros < 0n;
  const absolute = negative ? -micros : micros;
  const digits = `${group(absolute / 1_000_000n)}.${(absolute % 1_000_000n).toString().padStart(6, "0")}`;
  if (negative) return `-$${digits}`;
  return options.plusSign && micros > 0n ? `+$${digits}` : `$${digits}`;
}

/** The `title` for a rounded amount: says the exact value only when rounding changed it. */
export function exactTitle(micros: bigint): string | undefined {
  return roundToCents(micros) * MICROS_PER_CENT === micros ? undefined : `Exactly ${formatExactMicros(micros)}`;
}
