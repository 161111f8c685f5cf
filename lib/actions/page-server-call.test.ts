import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pageReadsSnapshotEnv, pageServerCall, pageServerRead } from "./page-server-call";

const variable = pageReadsSnapshotEnv();
afterEach(() => {
  delete process.env[variable];
});

describe("pageServerCall", () => {
  it("answers with what the server registered, and says who forgot when nothing was", () => {
    const call = pageServerCall<(name: string) => string>("test-greet");
    expect(() => call.get()).toThrow(/"test-greet" is not registered/);
    call.register((name) => `hello ${name}`);
    expect(call.get()("ada")).toBe("hello ada");
  });
});

describe("pageServerRead", () => {
  it("reads the build's snapshot while nothing is registered (next build), then the registered read", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "page-reads-")), "reads.json");
    await writeFile(file, JSON.stringify({ "test-mode": "from-snapshot" }));
    process.env[variable] = file;
    const read = pageServerRead<string>("test-mode");
    await expect(read.read()).resolves.toBe("from-snapshot");
    read.register(() => Promise.resolve("from-server"));
    await expect(read.read()).resolves.toBe("from-server");
  });

  it("fails loudly with neither a registration nor a snapshot, or a snapshot without the read", async () => {
    await expect(pageServerRead<string>("test-nowhere").read()).rejects.toThrow(/no build snapshot/);
  });
});
