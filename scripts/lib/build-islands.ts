// Bundles the islands: the few interactive parts of pages that otherwise ship no JavaScript (the pricing
// calculator). esbuild writes them to public/islands with content-hashed names, React and the shared
// code in chunks loaded on demand, and a manifest that pages read at render (lib/islands).
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export const ISLANDS_DIR = path.join("public", "islands");
const ENTRIES = { "pricing-calculator": "islands/pricing-calculator.ts" } as const;

export type IslandManifest = Record<keyof typeof ENTRIES, string>;

/**
 * Builds every island into public/islands and returns their public URLs. Files of earlier builds are
 * removed afterwards, not before: names are content hashes, so a site serving the same build meanwhile
 * never misses a file.
 */
export async function buildIslands(outDir: string = ISLANDS_DIR): Promise<IslandManifest> {
  const { build } = await import("esbuild");
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: ENTRIES,
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: "esm",
    minify: true,
    target: ["es2022"],
    jsx: "automatic",
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
  });
  const manifest: Record<string, string> = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const entry = Object.entries(ENTRIES).find(([, source]) => source === output.entryPoint);
    if (entry) manifest[entry[0]] = `/islands/${path.basename(file)}`;
  }
  await writeFile(path.join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const built = new Set(Object.keys(result.metafile.outputs).map((file) => path.basename(file)));
  for (const file of await readdir(outDir)) {
    if (file !== "manifest.json" && !built.has(file)) await rm(path.join(outDir, file), { force: true });
  }
  return manifest as IslandManifest;
}
