import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

const CSRF_COOKIE_NAMES = ["__Host-authjs.csrf-token", "authjs.csrf-token"];

function cookieValue(cookieHeader: string, name: string): string | undefined {
  for (const pair of cookieHeader.split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(at + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Whether a POST carries the CSRF token Auth.js would accept: its double-submit cookie
 * (`token|sha256(token + secret)`, @auth/core lib/actions/callback/oauth/csrf-token.js) and the same
 * token in the form. Checked before counting a request against a limit, so a forged request (which
 * Auth.js refuses anyway) uses up nobody's allowance.
 */
export function hasValidCsrfToken(options: { cookieHeader: string | null; formToken: unknown; secret: string }): boolean {
  if (!options.cookieHeader || typeof options.formToken !== "string" || options.formToken.length === 0) return false;
  for (const name of CSRF_COOKIE_NAMES) {
    const [token, hash] = cookieValue(options.cookieHeader, name)?.split("|") ?? [];
    if (!token || !hash || token !== options.formToken) continue;
    const expected = Buffer.from(createHash("sha256").update(`${token}${options.secret}`).digest("hex"));
    const presented = Buffer.from(hash);
    if (presented.length === expected.length && timingSafeEqual(presented, expected)) return true;
  }
  return false;
}
