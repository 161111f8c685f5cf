// The client's address, for per-IP rate limits, from X-Forwarded-For read from the RIGHT: each proxy
// appends the address it saw, so only the entries our own proxies wrote can be trusted, and whatever
// the client sent itself comes first. With TRUSTED_PROXY_HOPS=N (N ≥ 1) the client is the N-th entry
// from the right. With N = 0 (no proxy: the default) the client is the socket's peer: Next 16 does not
// hand route handlers, actions or the proxy the socket, but its server writes the peer address into
// X-Forwarded-For when the request has none, and proxy.ts deletes any the client sent before that
// happens (stripUntrustedForwardedFor), so the one entry left is the socket's. A chain shorter than N,
// or an entry that is not an address, falls back to one shared bucket ("unknown"): a misconfigured
// proxy makes the per-IP limits stricter, never bypassable. X-Real-IP is never read (a client can send
// it; a proxy that overwrites it can append to X-Forwarded-For instead).
// IPv6 clients are keyed on their /64: one subscriber usually holds a whole /64 and can pick any
// address in it. IPv4-mapped IPv6 (`::ffff:a.b.c.d`, what a dual-stack socket reports) is IPv4.
// Pure apart from the default hop count: callers pass the request's headers or `await headers()`.
import { isIPv4, isIPv6 } from "node:net";
import { getEnv } from "@/lib/env";

export const UNKNOWN_CLIENT = "unknown";

function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4WithPort ? v4WithPort[1]! : entry;
}

/** The first four groups of an IPv6 address, as `a:b:c:d::/64` (lower case, no leading zeros). */
function ipv6Prefix64(address: string): string {
  const [head = "", tail] = address.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(":")}::/64`;
}

function clientKeyOf(entry: string): string {
  const address = withoutPort(entry.trim()).replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(address)) return address;
  // An IPv6 address with an embedded IPv4 tail is still IPv6 (isIPv6 accepts it); its /64 is its head.
  if (isIPv6(address) && !address.includes(".")) return ipv6Prefix64(address);
  return UNKNOWN_CLIENT;
}

export function clientIpFrom(headers: Headers, trustedProxyHops: number = getEnv().trustedProxyHops): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const entry = chain[chain.length - Math.max(1, trustedProxyHops)];
  return entry === undefined ? UNKNOWN_CLIENT : clientKeyOf(entry);
}

/**
 * For proxy.ts, before Next fills in X-Forwarded-For: with no trusted proxy in front, any
 * X-Forwarded-For on the request is the client's own, so it is removed and Next writes the socket's
 * peer address in its place. With trusted proxies the header is theirs, and kept.
 */
export function stripUntrustedForwardedFor(headers: Headers, trustedProxyHops: number = getEnv().trustedProxyHops): void {
  if (trustedProxyHops === 0) headers.delete("x-forwarded-for");
}

/**
 * The client address for a route proxy.ts does not run for (POST /api/billing/v1/usage skips it: Next
 * buffers a body for the proxy, about 12 ms of CPU a 1,000-record batch). Behind trusted proxies the
 * header's right end is theirs, read exactly as clientIpFrom reads it. With none, nothing removed a
 * client-sent header before Next's `??=` kept it, and Next gives a route no socket to tell its own
 * entry from the client's: the client is UNKNOWN_CLIENT rather than whatever the client wrote.
 */
export function clientIpOfUnproxiedRoute(headers: Headers, trustedProxyHops: number = getEnv().trustedProxyHops): string {
  return trustedProxyHops === 0 ? UNKNOWN_CLIENT : clientIpFrom(headers, trustedProxyHops);
}
