// instrumentation.ts's onRequestError, as Next calls it for a page render that failed: one structured
// line through the site's logger, counted.
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { onRequestError } from "@/instrumentation";
import { createLogger, setLogger } from "./logger";
import { getMetrics } from "./metrics";

afterEach(() => setLogger(undefined));

describe("onRequestError", () => {
  it("logs and counts a render error in the Node runtime", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    setLogger(createLogger({ destination, level: "info" }));
    const runtime = process.env.NEXT_RUNTIME;
    process.env.NEXT_RUNTIME = "nodejs";
    const counted = async () =>
      (await getMetrics().registry.getSingleMetric("render_errors_total")?.get())?.values.find((value) => value.labels.route === "/account/usage")?.value ?? 0;
    const before = await counted();
    try {
      const cause = Object.assign(new Error('date/time field value out of range: "0000-01-01"'), { code: "22008" });
      await onRequestError(
        new Error("Failed query: select 1\nparams: 0000-01-01", { cause }),
        { path: "/account/usage?range=custom&from=0000-01-01", method: "GET", headers: { cookie: "authjs.session-token=secret" } },
        { routerKind: "App Router", routePath: "/account/usage", routeType: "render", renderSource: "react-server-components", revalidateReason: undefined },
      );
    } finally {
      process.env.NEXT_RUNTIME = runtime;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "request failed", route: "/account/usage", path: "/account/usage", err: { cause: { code: "22008" } } });
    expect(JSON.stringify(lines[0])).not.toMatch(/secret|range=custom/);
    expect(await counted()).toBe(before + 1);
  });
});
