import "server-only";
import { randomBytes } from "node:crypto";
import { hashSecret } from "@/lib/security/secret-token";

// Crockford's base32 without I, L, O, U: nothing to misread when a code is typed from a slide.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A new code, `TDM-XXXX-XXXX-XXXX`: 60 random bits, guessable only far beyond the per-IP limit. */
export function generateInviteCode(): string {
  const chars = [...randomBytes(12)].map((byte) => ALPHABET[byte % 32]).join("");
  return `TDM-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** The form a code is hashed in: case, spaces and dashes do not matter; 0/O and 1/I/L read alike. */
export function normalizeInviteCode(code: string): string {
  const compact = code.toUpperCase().replace(/[^0-9A-Z]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return compact.startsWith("TDM") ? compact.slice(3) : compact;
}

/** Only this is stored: the code itself is shown to the operator once and never kept. */
export function hashInviteCode(code: string): string {
  return hashSecret(`invite-code:${normalizeInviteCode(code)}`);
}
