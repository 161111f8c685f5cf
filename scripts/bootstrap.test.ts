// scripts/bootstrap.mjs refuses to reinstall through a symbolic link: `npm ci` would empty the linked
// tree, which belongs to another checkout (a worktree linking the main checkout's node_modules).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const bootstrap = path.resolve("scripts/bootstrap.mjs");
const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function checkoutWithLinkedModules() {
  const root = mkdtempSync(path.join(tmpdir(), "bootstrap-"));
  made.push(root);
  const shared = path.join(root, "shared-modules");
  const checkout = path.join(root, "checkout");
  mkdirSync(shared);
  mkdirSync(checkout);
  writeFileSync(path.join(shared, ".package-lock.json"), "{}");
  writeFileSync(path.join(shared, "keep-me"), "installed by another checkout");
  writeFileSync(path.join(checkout, "package-lock.json"), "{}");
  writeFileSync(path.join(checkout, "hello.ts"), "console.log('ran');");
  symlinkSync(shared, path.join(checkout, "node_modules"));
  return { shared, checkout };
}

describe("bootstrap with a linked node_modules", () => {
  it("stops with a message instead of reinstalling through the link when the lock file is newer", () => {
    const { shared, checkout } = checkoutWithLinkedModules();
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(shared, ".package-lock.json"), old, old);
    const run = spawnSync(process.execPath, [bootstrap, "hello.ts"], { cwd: checkout, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("not reinstalling through the link");
    expect(readdirSync(shared).sort()).toEqual([".package-lock.json", "keep-me"]);
  });
});
