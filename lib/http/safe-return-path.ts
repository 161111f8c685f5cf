// Where to send someone after signing in: only a path on this site, never another origin (an open
// redirect would let a link to our sign-in page forward a person anywhere). Pure, for unit tests.

const MAX_LENGTH = 2_048;
// Paths that would send a signed-in person back into the sign-in flow (a loop) or into Auth.js itself.
const REFUSED_PREFIXES = ["/sign-in", "/api/auth"];

/**
 * `candidate` (a `callbackUrl` query parameter or form field) as a same-origin path with its query and
 * fragment, or undefined when it is missing, not a string, too long, another origin, protocol-relative
 * (`//evil.example`), has a backslash or control character (browsers read `/\evil.example` as another
 * host), or leads back to sign-in. An absolute URL on `appUrl`'s origin is accepted as its path.
 */
export function safeReturnPath(candidate: unknown, appUrl: string): string | undefined {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > MAX_LENGTH) return undefined;
  if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return undefined;
  const origin = new URL(appUrl).origin;
  const isPath = candidate.startsWith("/") && !candidate.startsWith("//");
  if (!isPath && !candidate.startsWith(`${origin}/`)) return undefined;
  let url: URL;
  try {
    url = new URL(candidate, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  if (REFUSED_PREFIXES.some((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
