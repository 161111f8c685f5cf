// Runs dependency-cruiser with the rules in .dependency-cruiser.cjs through its API: the `depcruise`
// command refuses Node 20 (its engines say ^22) while the API runs here, and a test can point it at a
// fixture tree. Known violations (the baseline) are filtered here rather than by dependency-cruiser,
// which does not apply a baseline to folder-level rules such as no-folder-cycle.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { cruise, type ICruiseResult, type IConfiguration, type IViolation } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

export type KnownViolation = Pick<IViolation, "type" | "from" | "to"> & { rule: { name: string } };

const repositoryRoot = path.resolve(import.meta.dirname, "../..");
export const knownViolationsFile = path.join(repositoryRoot, ".dependency-cruiser-known-violations.json");

// Everything that ships or runs; test files are excluded in the rule file's options.
const cruisedRoots = [
  "lib",
  "app",
  "components",
  "pages",
  "islands",
  "emulators",
  "scripts",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
];

export function loadRules(): IConfiguration {
  return createRequire(import.meta.url)(path.join(repositoryRoot, ".dependency-cruiser.cjs")) as IConfiguration;
}

export function readKnownViolations(): KnownViolation[] {
  return JSON.parse(readFileSync(knownViolationsFile, "utf8")) as KnownViolation[];
}

const sameViolation = (a: KnownViolation, b: KnownViolation) =>
  a.type === b.type && a.from === b.from && a.to === b.to && a.rule.name === b.rule.name;

export type DependencyCheck = {
  /** Every violation in the tree, known ones included. */
  violations: IViolation[];
  /** The violations that are not known: any error among them fails lint. */
  newViolations: IViolation[];
  /** Known violations that no longer occur (shrink the baseline with `--baseline`). */
  staleKnown: KnownViolation[];
  /** One line per new violation, as `npm run lint` prints them. */
  text: string;
  result: ICruiseResult;
};

export async function checkDependencies(
  options: { baseDir?: string; roots?: string[]; known?: KnownViolation[] } = {},
): Promise<DependencyCheck> {
  const baseDir = options.baseDir ?? repositoryRoot;
  const known = options.known ?? [];
  const rules = loadRules();
  const tsConfig = extractTSConfig(path.join(baseDir, "tsconfig.json"));
  const cwd = process.cwd();
  // The rules' paths are relative to the cruised tree, and dependency-cruiser resolves and reports
  // paths relative to the working directory.
  process.chdir(baseDir);
  try {
    const cruised = await cruise(
      options.roots ?? cruisedRoots,
      { ...rules.options, validate: true, ruleSet: { forbidden: rules.forbidden }, outputType: "json" },
      undefined,
      { tsConfig },
    );
    const result = typeof cruised.output === "string" ? (JSON.parse(cruised.output) as ICruiseResult) : cruised.output;
    const violations = result.summary.violations;
    const newViolations = violations.filter((violation) => !known.some((entry) => sameViolation(entry, violation)));
    const staleKnown = known.filter((entry) => !violations.some((violation) => sameViolation(entry, violation)));
    const text = newViolations
      .map((violation) => `  ${violation.rule.severity} ${describeViolation(violation)}\n`)
      .join("");
    return { violations, newViolations, staleKnown, text, result };
  } finally {
    process.chdir(cwd);
  }
}

/** `rule: from → to`, with the way round for a module cycle. */
export function describeViolation(violation: IViolation): string {
  const cycle = violation.cycle?.length ? ` (cycle: ${violation.cycle.map((step) => step.name).join(" → ")})` : "";
  return `${violation.rule.name}: ${violation.from} → ${violation.to}${cycle}`;
}

/** The violations in the committed baseline's shape (what `--baseline` writes), sorted for diffs. */
export function toKnownViolations(violations: IViolation[]): KnownViolation[] {
  return violations
    .map(({ type, from, to, rule }) => ({ type, from, to, rule: { name: rule.name } }))
    .sort((a, b) => `${a.rule.name} ${a.from} ${a.to}`.localeCompare(`${b.rule.name} ${b.from} ${b.to}`));
}
