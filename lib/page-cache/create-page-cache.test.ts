import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCache, HIT_HEADER, REFILL_HEADER, type PageCache, type PageCacheOptions } from "./create-page-cache";
import { isBrochurePath } from "./is-brochure-path";

// The cache in front of a real HTTP origin on loopback, wired as server.ts wires it in front of Next:
// the origin counts what reaches it, and the test changes what it answers.
type Origin = { status: number; headers: Record<string, string>; body: string; hits: string[] };

type Harness = { url: string; origin: Origin; cache: PageCache; clock: { now: number }; refills: { fail: boolean } };

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function startHarness(options: Partial<PageCacheOptions> = {}): Promise<Harness> {
  const origin: Origin = {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "s-maxage=15, stale-while-revalidate=31535985", "content-security-policy": "default-src 'self'" },
    body: "<html>first</html>",
    hits: [],
  };
  const clock = { now: 1_000_000 };
  const refills = { fail: false };
  let url = "";
  const cache = createPageCache({
    isCacheablePath: isBrochurePath,
    fetchFromNext: (pathname) =>
      refills.fail
        ? Promise.reject(new Error("connect ECONNREFUSED"))
        : fetch(`${url}${pathname}`, { headers: { [REFILL_HEADER]: "1", "accept-encoding": "identity" } }),
    now: () => clock.now,
    ...options,
  });
  const answer = (request: IncomingMessage, response: ServerResponse) => {
    origin.hits.push(`${request.method} ${request.url}${request.headers[REFILL_HEADER] ? " (refill)" : ""}`);
    response.writeHead(origin.status, origin.headers);
    response.end(origin.body);
  };
  const server = createServer((request, response) => {
    if (!cache.serve(request, response)) answer(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, origin, cache, clock, refills };
}

/** The raw answer (fetch would decompress and hide the encoding). */
function rawGet(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("the page cache", () => {
  it("lets Next answer the first visitor, then answers from memory with Next's headers, in gzip when asked", async () => {
    const { url, origin, cache } = await startHarness();
    const first = await rawGet(`${url}/pricing`);
    expect(first.body.toString()).toBe("<html>first</html>");
    await cache.settled();
    expect(origin.hits).toEqual(["GET /pricing", "GET /pricing (refill)"]);

    const plain = await rawGet(`${url}/pricing`);
    const gzipped = await rawGet(`${url}/pricing`, { "accept-encoding": "gzip, br" });
    const head = await rawGet(`${url}/pricing`, {}, "HEAD");
    expect(origin.hits).toHaveLength(2);
    expect(plain.status).toBe(200);
    expect(plain.body.toString()).toBe("<html>first</html>");
    expect(plain.headers["content-security-policy"]).toBe("default-src 'self'");
    expect(plain.headers["cache-control"]).toBe("s-maxage=15, stale-while-revalidate=31535985");
    expect(plain.headers["content-length"]).toBe(String(plain.body.length));
    expect(plain.headers.vary).toBe("Accept-Encoding");
    expect(plain.headers.date).toBeDefined();
    expect(plain.headers[HIT_HEADER]).toBe("0");
    expect(first.headers[HIT_HEADER]).toBeUndefined();
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.body).toString()).toBe("<html>first</html>");
    expect(head.body).toHaveLength(0);
    expect(head.headers["content-length"]).toBe(String(plain.body.length));
  });

  it("asks Next again once the copy is older than its age, once however many visitors come, and serves the old copy meanwhile", async () => {
    const { url, origin, cache, clock } = await startHarness({ maxAgeMs: 1_000 });
    await rawGet(`${url}/`);
    await cache.settled();
    origin.body = "<html>second</html>";
    clock.now += 1_000;
    // The first visitor after the copy aged gets the old copy and starts one refill; visitors meanwhile
    // get the old or (once it is in) the new copy, and start no other refill.
    expect((await rawGet(`${url}/`)).body.toString()).toBe("<html>first</html>");
    const during = await Promise.all([1, 2, 3].map(() => rawGet(`${url}/`)));
    for (const answer of during) expect(["<html>first</html>", "<html>second</html>"]).toContain(answer.body.toString());
    await cache.settled();
    expect(origin.hits.filter((hit) => hit.endsWith("(refill)"))).toHaveLength(2);
    expect((await rawGet(`${url}/`)).body.toString()).toBe("<html>second</html>");
  });

  it("keeps only what Next marks as shared-cacheable: no error, no private page, no cookie", async () => {
    const { url, origin, cache } = await startHarness();
    for (const change of [
      () => Object.assign(origin, { status: 500 }),
      () => Object.assign(origin, { headers: { ...origin.headers, "cache-control": "private, no-cache, no-store" } }),
      () => Object.assign(origin, { headers: { ...origin.headers, "set-cookie": "a=b" } }),
    ]) {
      const saved = { status: origin.status, headers: origin.headers };
      change();
      await rawGet(`${url}/terms`);
      await cache.settled();
      expect(cache.size()).toBe(0);
      Object.assign(origin, saved);
    }
    // A page that was cached and then fails is dropped at the next refill, so Next answers again.
    await rawGet(`${url}/terms`);
    await cache.settled();
    expect(cache.size()).toBe(1);
  });

  it("leaves to Next every request that is not a plain GET or HEAD of a brochure page", async () => {
    const { url, origin, cache } = await startHarness();
    await rawGet(`${url}/pricing`);
    await cache.settled();
    origin.hits.length = 0;
    await rawGet(`${url}/pricing?utm_source=x`);
    await rawGet(`${url}/pricing`, {}, "POST");
    await rawGet(`${url}/pricing`, { [REFILL_HEADER]: "1" });
    await rawGet(`${url}/account`);
    await rawGet(`${url}/blog/a/b`);
    await cache.settled();
    expect(origin.hits).toEqual(["GET /pricing?utm_source=x", "POST /pricing", "GET /pricing (refill)", "GET /account", "GET /blog/a/b"]);
  });

  it("keeps serving a copy while Next cannot be reached, and drops it once it is older than its staleness limit", async () => {
    const errors: string[] = [];
    const { url, origin, cache, clock, refills } = await startHarness({ maxAgeMs: 1_000, maxStaleMs: 5_000, onRefillError: (pathname) => errors.push(pathname) });
    await rawGet(`${url}/changelog`);
    await cache.settled();
    refills.fail = true;
    clock.now += 2_000;
    expect((await rawGet(`${url}/changelog`)).body.toString()).toBe("<html>first</html>");
    await cache.settled();
    expect(cache.size()).toBe(1);
    clock.now += 5_000;
    expect((await rawGet(`${url}/changelog`)).body.toString()).toBe("<html>first</html>");
    await cache.settled();
    expect(cache.size()).toBe(0);
    expect(errors).toEqual(["/changelog", "/changelog"]);
    // Next answers the next visitor itself.
    origin.hits.length = 0;
    await rawGet(`${url}/changelog`);
    expect(origin.hits).toEqual(["GET /changelog"]);
  });

  it("keeps at most its number of pages", async () => {
    const { url, cache } = await startHarness({ maxEntries: 2 });
    for (const slug of ["a", "b", "c", "d"]) await rawGet(`${url}/blog/${slug}`);
    await cache.settled();
    expect(cache.size()).toBe(2);
  });
});
