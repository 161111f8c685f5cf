// The client's address, for per-IP rate limits: the first hop of X-Forwarded-For, else X-Real-IP.
// Both are set by the load balancer in front of the site, which must overwrite (not append to) any
// value the client sent; otherwise a client picks its own bucket. The per-email limit holds anyway.
// Pure: callers pass the request's headers (route handlers) or `await headers()` (server actions).

const PLAUSIBLE_IP = /^[0-9a-fA-F.:]{2,45}$/;

export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim();
  return candidate && PLAUSIBLE_IP.test(candidate) ? candidate : "unknown";
}
