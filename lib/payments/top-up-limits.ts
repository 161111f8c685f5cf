// What a person may top up by hand. Constants only, so the client form can import them without zod.
export const TOP_UP_PRESETS_USD = [10, 25, 50, 100] as const;
// The minimum is billing's too (the frozen email names it): one constant, kept there.
export { MIN_TOP_UP_CENTS } from "@/lib/billing/unfreeze-amount";
export const MAX_TOP_UP_CENTS = 100_000;
export const CUSTOM_AMOUNT_MESSAGE = "Enter an amount from $5 to $1,000, in dollars and cents (for example 40 or 12.50).";
