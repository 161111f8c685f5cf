import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const rules = readFileSync("ops/alerts.yml", "utf8");
const runbook = readFileSync("ops/runbook.md", "utf8");
const alerts = [...rules.matchAll(/^\s*- alert: (\w+)$/gm)].map((match) => match[1]!);

describe("ops alert rules", () => {
  it("has a runbook entry, linked by anchor, for every alert", () => {
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) {
      expect(runbook, alert).toContain(`## ${alert}\n`);
      expect(rules, alert).toContain(`ops/runbook.md#${alert.toLowerCase()}`);
    }
  });

  it("only uses metrics the site exports", () => {
    const metricsSource = ["lib/observability/metrics.ts", "lib/payments/payment-metrics.ts"]
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const used = new Set([...rules.matchAll(/\b([a-z_]+_(?:total|seconds_bucket))\b/g)].map((match) => match[1]!));
    for (const name of used) {
      expect(metricsSource, name).toContain(`"${name.replace(/_bucket$/, "")}"`);
    }
  });

  // promtool comes with Debian's prometheus package, which .ci/run installs.
  it.runIf(existsSync("/usr/bin/promtool"))("is accepted by promtool check rules", () => {
    const output = execFileSync("/usr/bin/promtool", ["check", "rules", "ops/alerts.yml"], { encoding: "utf8" });
    expect(output).toContain(`SUCCESS: ${alerts.length} rules found`);
  });
});
