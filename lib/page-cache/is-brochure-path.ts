import { ZERO_JS_PAGE_SOURCES } from "@/lib/security/headers";

// The zero-JS pages' sources (`/blog/:slug` is the only one with a parameter) as one test on a raw
// request path: exact paths only, so `/pricing/`, `/Pricing` or `/blog/a/b` are left to Next.
const EXACT = new Set(ZERO_JS_PAGE_SOURCES.filter((source) => !source.includes(":")));
const BLOG_POST = /^\/blog\/[a-z0-9][a-z0-9-]{0,99}$/;

/** Whether a request path names a zero-JS brochure page the page cache may keep. */
export function isBrochurePath(pathname: string): boolean {
  return EXACT.has(pathname) || BLOG_POST.test(pathname);
}
