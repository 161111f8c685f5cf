// Builds the site only when its inputs changed since the last build, so a second `npm start` is quick.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildIslands, ISLANDS_DIR } from "./build-islands";

const INPUTS = ["app", "pages", "islands", "components", "lib", "public", "content", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

async function listFiles(entry: string): Promise<string[]> {
  // The islands' bundles are built from islands/ (an input) on every build: an output, not an input.
  if (!existsSync(entry) || entry === ISLANDS_DIR) return [];
  const entries = await readdir(entry, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [entry];
  const nested = await Promise.all(
    entries
      .filter((item) => !item.name.endsWith(".test.ts"))
      .map((item) => listFiles(path.join(entry, item.name))),
  );
  return nested.flat();
}

/** A digest of every build input and the build-time settings that end up in prerendered pages. */
export async function computeSourceHash(buildEnv: Record<string, string>): Promise<string> {
  const hash = createHash("sha256");
  const files = (await Promise.all(INPUTS.map(listFiles))).flat().sort();
  for (const file of files) {
    hash.update(file).update("\0").update(await readFile(file)).update("\0");
  }
  for (const key of Object.keys(buildEnv).sort()) hash.update(`${key}=${buildEnv[key]}\n`);
  return hash.digest("hex");
}

/** Runs a command; its output goes to the terminal, or to `onOutput` (a phase printed later) when given. */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv, onOutput?: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: onOutput ? ["ignore", "pipe", "pipe"] : "inherit", env });
    if (onOutput) {
      child.stdout?.on("data", onOutput);
      child.stderr?.on("data", onOutput);
    }
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`))));
  });
}

export type BuildOptions = {
  distDir: string;
  env: NodeJS.ProcessEnv;
  buildEnv: Record<string, string>;
  /** Takes the build's output instead of the terminal (npm test builds while other tests run). */
  onOutput?: (chunk: Buffer) => void;
};

/** Runs `next build` into `distDir` unless the recorded input hash matches. Returns whether it built. */
export async function buildIfStale(options: BuildOptions): Promise<boolean> {
  const marker = path.join(options.distDir, ".source-hash");
  const wanted = await computeSourceHash(options.buildEnv);
  const recorded = await readFile(marker, "utf8").catch(() => "");
  if (recorded === wanted && existsSync(path.join(options.distDir, "BUILD_ID")) && existsSync(ISLANDS_DIR)) return false;
  await buildIslands();
  await runCommand("node_modules/.bin/next", ["build"], {
    ...options.env,
    ...options.buildEnv,
    NEXT_DIST_DIR: options.distDir,
    NEXT_TELEMETRY_DISABLED: "1",
  }, options.onOutput);
  await writeFile(marker, wanted);
  return true;
}
