import type { AppProfile, ProfileField } from "./app-profile";
import { PROFILE_FIELDS } from "./app-profile";

/** Largest value an input accepts (twelve digits): far beyond any real app, and exact as bigint. */
export const MAX_INPUT_DIGITS = 12;

/** Parses one input: whole non-negative numbers only (commas and spaces allowed); otherwise undefined. */
export function parseUsageInput(text: string): bigint | undefined {
  const digits = text.replace(/[,\s_]/g, "");
  if (digits === "") return 0n;
  if (!/^\d+$/.test(digits) || digits.replace(/^0+/, "").length > MAX_INPUT_DIGITS) return undefined;
  return BigInt(digits);
}

/** A profile as the calculator's input texts (its initial values, and what a preset fills in). */
export function profileToInputs(profile: AppProfile): Record<ProfileField, string> {
  return Object.fromEntries(PROFILE_FIELDS.map(({ field }) => [field, profile[field].toString()])) as Record<
    ProfileField,
    string
  >;
}

/** The input texts as a profile, or undefined while any of them is not a whole number. */
export function inputsToProfile(inputs: Record<ProfileField, string>): AppProfile | undefined {
  const entries = PROFILE_FIELDS.map(({ field }) => [field, parseUsageInput(inputs[field] ?? "")] as const);
  if (entries.some(([, value]) => value === undefined)) return undefined;
  return Object.fromEntries(entries) as AppProfile;
}
