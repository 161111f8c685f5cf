import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
const pageName = process.argv[2] ?? "index";
const html = readFileSync(`/work/main/.next-test/server/pages/${pageName}.html`, "utf8");
const cssFile = html.match(/href="\/_next\/(static\/chunks\/[^"]+\.css)"/)[1];
const css = readFileSync(`/work/main/.next-test/${cssFile}`, "utf8");
const cv = "{content-visibility:auto;contain-intrinsic-size:auto 600px}";
const variants = {
  current: css,
  cv: css + `main section~section,main section~aside,footer,.prose-tandem>:nth-child(n+4)${cv}`,
};
const out = Object.fromEntries(Object.keys(variants).map((k) => [k, { task: [], layout: [] }]));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (let i = 0; i < 12; i++) {
  for (const [name, style] of Object.entries(variants)) {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const doc = html.replace(/<link rel="stylesheet"[^>]*>/, `<style>${style}</style>`).replace(/<link rel="preload"[^>]*>/, "").replace(/<script[^>]*><\/script>/g, "");
    await page.setContent(doc, { waitUntil: "load" });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const { metrics } = await cdp.send("Performance.getMetrics");
    const get = (n) => metrics.find((m) => m.name === n).value * 1000;
    out[name].task.push(get("TaskDuration"));
    out[name].layout.push(get("LayoutDuration") + get("RecalcStyleDuration"));
    await page.close();
  }
}
await browser.close();
for (const [name, { task, layout }] of Object.entries(out)) {
  task.sort((a, b) => a - b); layout.sort((a, b) => a - b);
  console.log(pageName.padEnd(24), name.padEnd(8), "task median", task[6].toFixed(1), "layout+style median", layout[6].toFixed(1));
}
