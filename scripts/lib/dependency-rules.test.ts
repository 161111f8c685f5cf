// The rules in .dependency-cruiser.cjs hold on the real tree (apart from the committed known
// violations), and they bite: a fixture tree with one deliberate violation per rule fails each of them.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDependencies, readKnownViolations } from "./check-dependencies";

describe("dependency rules", () => {
  it("the tree has no violation beyond the known list", { timeout: 60_000 }, async () => {
    const check = await checkDependencies({ known: readKnownViolations() });
    expect(
      check.newViolations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`),
    ).toEqual([]);
  });

  describe("on a tree with deliberate violations", () => {
    let fixture: string;
    const files: Record<string, string> = {
      "tsconfig.json": JSON.stringify({
        compilerOptions: { module: "esnext", moduleResolution: "bundler", paths: { "@/*": ["./*"] } },
      }),
      // The ledger (money, bottom step) reaching up into payments, which uses the ledger: a layer
      // violation and a folder cycle (and a module cycle) at once.
      "lib/ledger/post-transfers.ts":
        'import { charge } from "@/lib/payments/charge";\nexport const post = () => charge;\n',
      "lib/payments/charge.ts":
        'import { post } from "@/lib/ledger/post-transfers";\nexport const charge = () => post;\n',
      // Allowed: billing uses the ledger below it.
      "lib/billing/rate.ts": 'import { post } from "@/lib/ledger/post-transfers";\nexport const rate = post;\n',
      // The foundation reaching into auth.
      "lib/actions/validated-action.ts":
        'import { session } from "@/lib/auth/session";\nexport const action = session;\n',
      "lib/auth/session.ts": "export const session = 1;\n",
      // Two read models importing each other: no layer rule breaks, the folder cycle rule does.
      "lib/account/summary.ts": 'import { overview } from "@/lib/admin/overview";\nexport const summary = overview;\n',
      "lib/admin/overview.ts": 'import { count } from "@/lib/account/count";\nexport const overview = count;\n',
      "lib/account/count.ts": "export const count = 1;\n",
      // lib/ importing a page; billing importing Next; anyone importing Next's internals.
      "lib/audit/list.ts": 'import Page from "@/app/page";\nexport const list = Page;\n',
      "app/page.tsx": "export default function Page() { return null; }\n",
      "lib/billing/read-headers.ts": 'import { headers } from "next/headers";\nexport const read = headers;\n',
      "lib/security/cache.ts":
        'import cache from "next/dist/server/lib/incremental-cache/file-system-cache.js";\nexport const c = cache;\n',
      // Just enough of the next package to resolve those two imports as the real one does.
      "node_modules/next/package.json": JSON.stringify({ name: "next", main: "dist/server/next.js" }),
      "node_modules/next/headers.js": "module.exports = {};\n",
      "node_modules/next/dist/server/lib/incremental-cache/file-system-cache.js": "module.exports = {};\n",
    };

    beforeAll(async () => {
      fixture = await mkdtemp(path.join(tmpdir(), "dependency-rules-"));
      for (const [file, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(fixture, file)), { recursive: true });
        await writeFile(path.join(fixture, file), text);
      }
    });
    afterAll(async () => {
      await rm(fixture, { recursive: true, force: true });
    });

    it("fails each rule on its violation and lets the allowed import pass", { timeout: 60_000 }, async () => {
      const check = await checkDependencies({ baseDir: fixture, roots: ["lib", "app"] });
      const found = check.newViolations.map(
        (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
      );
      expect(found).toEqual(
        expect.arrayContaining([
          "layer-money-ledger: lib/ledger/post-transfers.ts → lib/payments/charge.ts",
          "no-folder-cycle: lib/ledger → lib/payments",
          "no-folder-cycle: lib/account → lib/admin",
          "no-module-cycle: lib/ledger/post-transfers.ts → lib/payments/charge.ts",
          "layer-foundation: lib/actions/validated-action.ts → lib/auth/session.ts",
          "lib-not-to-app: lib/audit/list.ts → app/page.tsx",
          "money-not-to-next: lib/billing/read-headers.ts → node_modules/next/headers.js",
          "no-next-internals: lib/security/cache.ts → node_modules/next/dist/server/lib/incremental-cache/file-system-cache.js",
        ]),
      );
      expect(found.filter((line) => line.includes("lib/billing/rate.ts"))).toEqual([]);
      // The report `npm run lint` prints names the rule and the edge.
      expect(check.text).toContain("error layer-money-ledger: lib/ledger/post-transfers.ts → lib/payments/charge.ts");
    });
  });
});
