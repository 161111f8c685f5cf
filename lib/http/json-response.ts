// Next streams a route handler's body without its Content-Length, so its compression step cannot see
// that an answer is small and gzips even a 30-byte one: a zlib stream set up and torn down per request,
// on the ingestion path and every standing poll. `no-transform` in Cache-Control is the one signal that
// step honours; it is added only to answers under its 1 kB threshold, so larger ones still compress.
const COMPRESSION_THRESHOLD_BYTES = 1024;

/** A JSON answer; one under 1 kB is marked `no-transform` so that it goes out uncompressed. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (Buffer.byteLength(text) < COMPRESSION_THRESHOLD_BYTES) {
    headers.set("cache-control", [headers.get("cache-control"), "no-transform"].filter(Boolean).join(", "));
  }
  return new Response(text, { status: init.status ?? 200, headers });
}
