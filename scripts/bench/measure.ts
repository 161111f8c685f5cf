// Measuring helpers for `npm run bench`: every figure is reported beside a baseline measured in the
// same run on the same machine, because absolute numbers on a shared 2-core box mean little.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import autocannon from "autocannon";
import { processTree } from "../lib/process-tree";

export type Percentiles = { p50: number; p95: number; count: number };

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), count: sorted.length };
}

/** A bare Node http server answering every request with `body`: the floor any framework is measured against. */
export async function startBaselineServer(body: Buffer | string, contentType: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      // Parse a JSON body like the real endpoint must, so the baseline pays the same decoding cost.
      if (request.method === "POST" && chunks.length > 0) JSON.parse(Buffer.concat(chunks).toString("utf8"));
      response.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Requests per second for GET `url` over `seconds` with `connections` in flight. */
export async function requestsPerSecond(url: string, seconds: number, connections = 10): Promise<number> {
  const result = await autocannon({ url, connections, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/** Latency percentiles (ms) of `total` GETs with `concurrency` in flight. */
export async function latencies(url: string, init: RequestInit, total: number, concurrency: number): Promise<Percentiles> {
  const samples: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const started = performance.now();
      const response = await fetch(url, init);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      samples.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return percentiles(samples);
}

/** Sends every body once, `senders` at a time, and returns how many seconds it all took. */
export async function sendAll(url: string, headers: Record<string, string>, bodies: string[], senders: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      const text = await response.text();
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${text.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: senders }, worker));
  return (performance.now() - started) / 1000;
}

/**
 * CPU time (user + system, ms) that `pid` and every process below it have used so far, from /proc;
 * undefined without a pid or /proc. On a busy machine CPU per unit of work varies far less than
 * wall-clock rates (waiting for a core does not count), so the bench prints both.
 */
export function processTreeCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return undefined;
  const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  let ticks = 0;
  for (const each of processTree(pid)) {
    // Fields after the command name: utime and stime are the 12th and 13th of those. A process that
    // has just exited counts nothing.
    const stat = existsSync(`/proc/${each}/stat`) ? readFileSync(`/proc/${each}/stat`, "utf8") : "";
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (stat) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / ticksPerSecond;
}
