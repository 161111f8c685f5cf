// The site's production server (`npm run serve`, and what `npm start` and the tests run): Next's own
// request handler behind the page cache, which answers the zero-JS brochure pages from memory
// (lib/page-cache, decision 0016). Everything else (the account area, the APIs, the proxy) is Next's.
// PORT and HOSTNAME as for `next start`; the build is NEXT_DIST_DIR's (next.config.ts).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createPageCache, REFILL_HEADER } from "@/lib/page-cache/create-page-cache";
import { isBrochurePath } from "@/lib/page-cache/is-brochure-path";

async function main(): Promise<void> {
  // As `next start` does: the production build, and React's production code paths.
  Object.assign(process.env, { NODE_ENV: "production" });
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME ?? "0.0.0.0";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  let origin = "";
  const cache = createPageCache({
    isCacheablePath: isBrochurePath,
    // Through this server on loopback, so the copy is exactly what Next sends a visitor (headers included).
    fetchFromNext: (pathname) =>
      fetch(`${origin}${pathname}`, { headers: { [REFILL_HEADER]: "1", "accept-encoding": "identity" }, redirect: "manual" }),
  });
  const server = createServer((request, response) => {
    if (!cache.serve(request, response)) void handle(request, response);
  });
  // As `next start`: keep-alive connections outlive a load balancer's idle timeout.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  const address = server.address() as AddressInfo;
  const loopback = address.family === "IPv6" ? "[::1]" : "127.0.0.1";
  origin = `http://${address.address === "0.0.0.0" || address.address === "::" ? loopback : address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  console.log(`✓ Ready on http://${hostname}:${address.port}`);

  // Finish the requests in flight, then exit; a connection that never ends does not hold the process.
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
