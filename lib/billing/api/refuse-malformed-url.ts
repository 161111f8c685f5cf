// Run by proxy.ts before Next routes a billing API request: Next decodes the path (and route params)
// with decodeURIComponent and answers a URL that does not decode with its own HTML 400 page, which no
// API client can read. Pure (no `server-only`, no next/*): the proxy and tests import it.
import { errorTable } from "@/lib/errors";
import { jsonResponse } from "@/lib/http/json-response";

function decodes(component: string): boolean {
  try {
    decodeURIComponent(component);
    return true;
  } catch {
    return false;
  }
}

/** Which part of the URL has percent-encoding that does not decode (e.g. `%E0%A4%A`, `%ZZ`), if any. */
export function malformedUrlPart(url: URL): "path" | "query" | undefined {
  if (!url.pathname.split("/").every(decodes)) return "path";
  const query = url.search.slice(1);
  if (query !== "" && !query.split("&").every((pair) => decodes(pair.replace(/\+/g, " ")))) return "query";
  return undefined;
}

/** The billing API's JSON 400 for a URL that does not decode, or undefined when it decodes. */
export function refuseMalformedUrl(url: URL): Response | undefined {
  const part = malformedUrlPart(url);
  if (part === undefined) return undefined;
  const message = `The ${part} of the URL has invalid percent-encoding (a % must start a UTF-8 byte written as two hex digits).`;
  return jsonResponse(
    { error: { code: "bad_request" satisfies keyof typeof errorTable, message, details: { part } } },
    { status: errorTable.bad_request.status, headers: { "cache-control": "no-store" } },
  );
}
