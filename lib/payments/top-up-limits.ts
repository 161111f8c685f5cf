// What a person may top up by hand. Constants only, so the client form can import them without zod.
export const TOP_UP_PRESETS_USD = [10, 25, 50, 100] as const;
// The limits are billing's too (the frozen email names the amount that unfreezes): kept there, once.
export { MAX_TOP_UP_CENTS, MIN_TOP_UP_CENTS } from "@/lib/billing/unfreeze-amount";
export const CUSTOM_AMOUNT_MESSAGE = "Enter an amount from $5 to $1,000, in dollars and cents (for example 40 or 12.50).";
