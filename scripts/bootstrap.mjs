#!/usr/bin/env node
// Entry point of `npm start` and `npm test`: installs the locked dependencies when they are missing or
// older than package-lock.json, then runs the TypeScript script named on the command line (with the
// react-server condition, so `server-only` modules load outside Next).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, realpathSync, statSync } from "node:fs";

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node scripts/bootstrap.mjs <script.ts> [args…]");
  process.exit(2);
}

const marker = "node_modules/.package-lock.json";
const isInstalled = existsSync(marker) && statSync(marker).mtimeMs >= statSync("package-lock.json").mtimeMs;
if (!isInstalled && existsSync("node_modules") && lstatSync("node_modules").isSymbolicLink()) {
  // `npm ci` would empty the linked tree, which belongs to another checkout: say so and stop instead.
  console.error(
    `node_modules is a link to ${realpathSync("node_modules")} and looks older than package-lock.json; ` +
      "not reinstalling through the link. Run `npm ci` in a checkout of its own, or refresh " +
      "node_modules/.package-lock.json there if the linked tree is current.",
  );
  process.exit(1);
}
if (!isInstalled) {
  console.log("Installing dependencies from package-lock.json (npm ci)…");
  const install = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (install.status !== 0) {
    console.error("npm ci failed; see the output above.");
    process.exit(install.status ?? 1);
  }
}

const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
// Ctrl-C reaches the child from the terminal already; a signal sent to this process alone is passed on.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
