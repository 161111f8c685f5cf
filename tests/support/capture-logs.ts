// For unit tests that read what the site's logger writes: swaps in a logger whose lines land in an
// array; reset it with `setLogger(undefined)` after each test.
import { Writable } from "node:stream";
import { createLogger, setLogger } from "@/lib/observability/logger";

export function captureLogs(): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  setLogger(createLogger({ destination, level: "info" }));
  return lines;
}
