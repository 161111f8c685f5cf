// Checks the layers of lib/ and the import rules in .dependency-cruiser.cjs (part of `npm run lint`).
// Violations listed in .dependency-cruiser-known-violations.json are the edges not broken yet and are
// tolerated; any other fails. `--baseline` rewrites that list from the tree: use it only to shrink it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  checkDependencies,
  knownViolationsFile,
  readKnownViolations,
  toKnownViolations,
} from "./lib/check-dependencies";

if (process.argv.includes("--baseline")) {
  const { violations } = await checkDependencies();
  writeFileSync(knownViolationsFile, `${JSON.stringify(toKnownViolations(violations), null, 2)}\n`);
  console.log(`wrote ${violations.length} known violations to ${path.relative(process.cwd(), knownViolationsFile)}`);
} else {
  const check = await checkDependencies({ known: readKnownViolations() });
  if (check.newViolations.length > 0) process.stdout.write(check.text);
  const known = check.violations.length - check.newViolations.length;
  console.log(
    `dependency rules: ${check.newViolations.length} new violations, ${known} known (${path.relative(process.cwd(), knownViolationsFile)})`,
  );
  if (check.staleKnown.length > 0) {
    console.log(
      `${check.staleKnown.length} known violations are gone: shrink the list with \`npm run lint:dependencies -- --baseline\``,
    );
  }
  process.exitCode = check.newViolations.some((violation) => violation.rule.severity === "error") ? 1 : 0;
}
