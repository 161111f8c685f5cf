// What a person may top up by hand. Constants only, so the client form can import them without zod.
export const TOP_UP_PRESETS_USD = [10, 25, 50, 100] as const;
export const MIN_TOP_UP_CENTS = 500;
export const MAX_TOP_UP_CENTS = 100_000;
export const CUSTOM_AMOUNT_MESSAGE = "Enter an amount from $5 to $1,000, in dollars and cents (for example 40 or 12.50).";
