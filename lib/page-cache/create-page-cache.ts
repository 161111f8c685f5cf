import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";

// A small shared cache in front of Next for the zero-JS brochure pages (decision 0016): what a CDN would
// do with their `Cache-Control: s-maxage`, done in the server's own process so every deployment has it.
// A visitor's request for a cached page is answered from memory without entering Next (no router, no
// request pipeline, no promise); Next is asked again at most once per `maxAgeMs` per page, in the
// background, and its answer replaces the copy. Only what Next itself marks as shared-cacheable is kept.

/** The request header that marks the cache's own refill requests, which always go to Next. */
export const REFILL_HEADER = "x-page-cache-refill";
/** On an answer from the cache (as a CDN's `X-Cache: HIT`): how old the copy is, in seconds. */
export const HIT_HEADER = "x-page-cache-age";

type CachedPage = {
  /** Response headers as Next sent them, minus those that describe one connection or one encoding. */
  headers: Array<[string, string]>;
  body: Buffer;
  gzipped: Buffer;
  fetchedAt: number;
};

export type PageCacheOptions = {
  /** The pages that may be cached (exact paths, no query string): the zero-JS brochure pages. */
  isCacheablePath: (pathname: string) => boolean;
  /** Asks Next for a page (the server itself, on loopback, with REFILL_HEADER set). */
  fetchFromNext: (pathname: string) => Promise<Response>;
  /** How long a copy is served before Next is asked again (default 1 s). */
  maxAgeMs?: number;
  /** A copy Next has not refreshed for this long (Next failing) is dropped, so Next answers (default 60 s). */
  maxStaleMs?: number;
  /** At most this many pages are kept (default 500; the blog's posts are the only open-ended set). */
  maxEntries?: number;
  onRefillError?: (pathname: string, error: unknown) => void;
  now?: () => number;
};

export type PageCache = {
  /** Answers the request from the cache and returns true, or returns false for Next to answer it. */
  serve: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** Resolves once no refill is running (tests). */
  settled: () => Promise<void>;
  size: () => number;
};

// Describe one connection or one encoding of the body, which the cache writes itself, or Next's cache
// state at the refill (`x-nextjs-cache`: HIT or STALE then), which the copy's age header replaces.
const DROPPED_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "content-encoding", "vary", "x-nextjs-cache"]);

export function createPageCache(options: PageCacheOptions): PageCache {
  const maxAgeMs = options.maxAgeMs ?? 1_000;
  const maxStaleMs = options.maxStaleMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 500;
  const now = options.now ?? Date.now;
  const pages = new Map<string, CachedPage>();
  const refills = new Map<string, Promise<void>>();

  async function refill(pathname: string): Promise<void> {
    try {
      const answer = await options.fetchFromNext(pathname);
      const body = Buffer.from(await answer.arrayBuffer());
      const cacheControl = answer.headers.get("cache-control") ?? "";
      // Only a page Next answered in full and marked as the same for everyone (s-maxage, no cookie).
      if (answer.status !== 200 || !/\bs-maxage=\d+/.test(cacheControl) || answer.headers.has("set-cookie")) {
        pages.delete(pathname);
        return;
      }
      const headers: Array<[string, string]> = [];
      answer.headers.forEach((value, name) => {
        if (!DROPPED_HEADERS.has(name)) headers.push([name, value]);
      });
      if (!pages.has(pathname) && pages.size >= maxEntries) return;
      pages.set(pathname, { headers, body, gzipped: gzipSync(body), fetchedAt: now() });
    } catch (error) {
      options.onRefillError?.(pathname, error);
      const page = pages.get(pathname);
      if (page && now() - page.fetchedAt > maxStaleMs) pages.delete(pathname);
    } finally {
      refills.delete(pathname);
    }
  }

  function startRefill(pathname: string): void {
    if (refills.has(pathname)) return;
    refills.set(pathname, refill(pathname));
  }

  function serve(request: IncomingMessage, response: ServerResponse): boolean {
    const method = request.method;
    const url = request.url;
    if ((method !== "GET" && method !== "HEAD") || url === undefined || url.includes("?")) return false;
    if (request.headers[REFILL_HEADER] !== undefined || !options.isCacheablePath(url)) return false;
    const page = pages.get(url);
    if (page === undefined) {
      // Next answers this one; its copy is fetched for the next visitor.
      startRefill(url);
      return false;
    }
    if (now() - page.fetchedAt >= maxAgeMs) startRefill(url);
    const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    const body = gzip ? page.gzipped : page.body;
    for (const [name, value] of page.headers) response.setHeader(name, value);
    response.setHeader("vary", "Accept-Encoding");
    response.setHeader(HIT_HEADER, String(Math.floor((now() - page.fetchedAt) / 1_000)));
    if (gzip) response.setHeader("content-encoding", "gzip");
    response.setHeader("content-length", body.length);
    response.statusCode = 200;
    response.end(method === "HEAD" ? undefined : body);
    return true;
  }

  return {
    serve,
    settled: async () => {
      while (refills.size > 0) await Promise.all(refills.values());
    },
    size: () => pages.size,
  };
}
