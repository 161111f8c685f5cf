// The baseline DESIGN section 11 names for pages: "a minimal prerendered Next page", measured in the same
// run as the site. A throwaway app in a temporary folder, built once per bench run with the `next` (and
// React) of this repository's node_modules (hard-linked, so it costs no copy), one prerendered page per
// router, no proxy, no configuration beyond the defaults, served by `next start` like the site.
import { execFile } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startNextServer, type NextServer } from "../lib/next-server";
import { findFreePort } from "../lib/ports";

const run = promisify(execFile);
const repositoryRoot = path.resolve(import.meta.dirname, "../..");
const modulesRoot = path.join(repositoryRoot, "node_modules");

/** `/` is an App Router page, `/pages-router` a Pages Router page without the React runtime, as ours are. */
const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "minimal-next-page", private: true, type: "module" }),
  // Its own root: Turbopack would otherwise take the repository (the nearest lockfile) for the project.
  "next.config.mjs": 'export default { turbopack: { root: import.meta.dirname } };\n',
  "app/layout.jsx":
    'export const metadata = { title: "Minimal" };\nexport default function Layout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
  "app/page.jsx": "export default function Page() {\n  return <main><h1>A minimal prerendered page</h1></main>;\n}\n",
  "pages/pages-router.jsx":
    "export const config = { unstable_runtimeJS: false };\nexport default function Page() {\n  return <main><h1>A minimal prerendered page</h1></main>;\n}\n",
};

/** `next`, React and everything they depend on, from the repository's flat node_modules. */
async function packagesToLink(): Promise<string[]> {
  const wanted = ["next", "react", "react-dom", "@next/swc-linux-x64-gnu", "@next/swc-linux-arm64-gnu"];
  const seen = new Set<string>();
  while (wanted.length > 0) {
    const name = wanted.pop()!;
    if (seen.has(name)) continue;
    const manifest = await readFile(path.join(modulesRoot, name, "package.json"), "utf8").catch(() => undefined);
    if (manifest === undefined) continue; // an optional dependency not installed on this platform
    seen.add(name);
    const { dependencies = {} } = JSON.parse(manifest) as { dependencies?: Record<string, string> };
    wanted.push(...Object.keys(dependencies));
  }
  return [...seen];
}

export type MinimalNextApp = { server: NextServer; stop: () => Promise<void> };

export async function startMinimalNextApp(env: NodeJS.ProcessEnv): Promise<MinimalNextApp> {
  const dir = await mkdtemp(path.join(tmpdir(), "minimal-next-page-"));
  try {
    for (const [file, text] of Object.entries(FILES)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    for (const name of await packagesToLink()) {
      const target = path.join(dir, "node_modules", name);
      await mkdir(path.dirname(target), { recursive: true });
      // Hard links: Turbopack refuses symlinks that leave the app's root. Copies across file systems.
      await run("cp", ["-al", path.join(modulesRoot, name), target]).catch(() => run("cp", ["-r", path.join(modulesRoot, name), target]));
    }
    await mkdir(path.join(dir, "node_modules", ".bin"), { recursive: true });
    await symlink("../next/dist/bin/next", path.join(dir, "node_modules", ".bin", "next"));
    const appEnv: NodeJS.ProcessEnv = { PATH: env.PATH, HOME: env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
    await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: dir, env: appEnv, maxBuffer: 16 * 1024 * 1024 });
    const server = await startNextServer({ port: await findFreePort(), distDir: ".next", cwd: dir, readyPath: "/", env: appEnv, mode: "next-start" });
    return {
      server,
      stop: async () => {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
