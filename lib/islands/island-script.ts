// Where the built islands are served (scripts/lib/build-islands.ts writes public/islands/manifest.json
// before every `next build`). Read by getStaticProps, at build and at regeneration.
import { readFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";

export type IslandName = "pricing-calculator";

/** The public URL of an island's entry module, e.g. `/islands/pricing-calculator-HASH.js`. */
export function islandScript(name: IslandName): string {
  const file = path.join(process.cwd(), "public", "islands", "manifest.json");
  let manifest: Partial<Record<IslandName, string>>;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8")) as Partial<Record<IslandName, string>>;
  } catch (cause) {
    throw new AppError("internal", { message: `The islands are not built (${file}); run the build first.`, cause });
  }
  const url = manifest[name];
  if (!url) throw new AppError("internal", { message: `The island ${name} is missing from ${file}.` });
  return url;
}
