import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildIslands } from "./build-islands";

describe("buildIslands", () => {
  it("writes a small loader that imports React only on demand, and a manifest naming it", async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), "islands-"));
    await writeFile(path.join(outDir, "chunk-STALE.js"), "stale");
    const manifest = await buildIslands(outDir);

    const entry = manifest["pricing-calculator"];
    expect(entry).toMatch(/^\/islands\/pricing-calculator-[A-Z0-9]+\.js$/);
    expect(JSON.parse(await readFile(path.join(outDir, "manifest.json"), "utf8"))).toEqual(manifest);
    const loader = await readFile(path.join(outDir, path.basename(entry)), "utf8");
    // What every visitor of /pricing downloads: the loader and its static imports, well under 1 kB gzip.
    const lazy = [...loader.matchAll(/import\("\.\/([^"]+)"\)/g)].map((match) => match[1]!);
    expect(lazy).toHaveLength(1);
    const staticImports = [...loader.matchAll(/import"\.\/([^"]+)"|from"\.\/([^"]+)"/g)].map((match) => match[1] ?? match[2]!);
    const eager = [loader, ...(await Promise.all(staticImports.map((file) => readFile(path.join(outDir, file), "utf8"))))];
    expect(eager.join("")).not.toContain("hydrateRoot");
    expect(gzipSync(eager.join("")).length).toBeLessThan(1024);
    // React and the calculator arrive in the chunk loaded on demand.
    expect(await readFile(path.join(outDir, lazy[0]!), "utf8")).toContain("hydrateRoot");
    // Files of earlier builds are removed.
    expect(await readdir(outDir)).not.toContain("chunk-STALE.js");
  }, 60_000);
});
