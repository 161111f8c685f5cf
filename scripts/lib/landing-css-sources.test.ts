// styles/landing.css builds Tailwind's utilities from only the folders its `@source` lines name, so a
// component the zero-JS pages (pages/) render from any other folder would lose its classes silently.
// This walks the import graph from pages/ (dependency-cruiser, the same resolver as `npm run lint`) and
// fails on any module that can carry class names (a .tsx file, or anything under components/ or
// islands/) in a folder the list does not name.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDependencies } from "./check-dependencies";

const repositoryRoot = path.resolve(import.meta.dirname, "../..");
const stylesheet = path.join(repositoryRoot, "styles/landing.css");

/** The folders `@source` names, relative to the repository (`@source "../components/site"` → `components/site`). */
function sourceFolders(css: string): string[] {
  return [...css.matchAll(/^@source\s+"([^"]+)";/gm)].map((match) =>
    path.relative(repositoryRoot, path.resolve(path.dirname(stylesheet), match[1]!)),
  );
}

/** Our modules reachable from pages/ that can render markup with class names. */
async function modulesRenderedByPages(): Promise<string[]> {
  const { result } = await checkDependencies({ roots: ["pages"] });
  return result.modules
    .map((module) => module.source)
    .filter((source) => !source.startsWith("node_modules/") && !path.isAbsolute(source) && !source.includes(":"))
    .filter((source) => source.endsWith(".tsx") || /^(components|islands)\//.test(source));
}

const unlisted = (modules: string[], folders: string[]) =>
  modules.filter((module) => !folders.some((folder) => module === folder || module.startsWith(`${folder}/`)));

describe("styles/landing.css @source list", () => {
  it("names the folder of every module the zero-JS pages render", { timeout: 60_000 }, async () => {
    const modules = await modulesRenderedByPages();
    // The walk found the pages and what they render (not an empty graph that passes by accident).
    expect(modules).toEqual(expect.arrayContaining(["pages/index.tsx", "components/site/static-page.tsx", "components/marketing/legal-page.tsx"]));
    expect(unlisted(modules, sourceFolders(readFileSync(stylesheet, "utf8")))).toEqual([]);
  });

  it("fails when a rendered folder is left out of the list", { timeout: 60_000 }, async () => {
    const modules = await modulesRenderedByPages();
    const withoutSite = sourceFolders(readFileSync(stylesheet, "utf8")).filter((folder) => folder !== "components/site");
    expect(unlisted(modules, withoutSite)).toEqual(expect.arrayContaining(["components/site/static-page.tsx", "components/site/site-header.tsx"]));
  });
});
