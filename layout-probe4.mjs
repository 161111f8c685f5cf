import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
const pageName = process.argv[2] ?? "index";
const html = readFileSync(`/work/main/.next-test/server/pages/${pageName}.html`, "utf8");
const cssFile = html.match(/href="\/_next\/(static\/chunks\/[^"]+\.css)"/)[1];
const css = readFileSync(`/work/main/.next-test/${cssFile}`, "utf8");
const variants = {
  current: css,
  cv: css + "main section ~ section,main article > div,footer{content-visibility:auto;contain-intrinsic-size:auto 900px}",
  noBalance: css.replaceAll("text-wrap:balance", "text-wrap:wrap"),
  generic: css.replaceAll(/--font-sans:[^;]+;/g, "--font-sans:sans-serif;").replaceAll(/--font-mono:[^;]+;/g, "--font-mono:monospace;"),
};
const out = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (let i = 0; i < 12; i++) {
  for (const [name, style] of Object.entries(variants)) {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const doc = html.replace(/<link rel="stylesheet"[^>]*>/, `<style>${style}</style>`).replace(/<link rel="preload"[^>]*>/, "");
    await page.setContent(doc, { waitUntil: "load" });
    await page.evaluate(() => document.body.offsetHeight);
    const { metrics } = await cdp.send("Performance.getMetrics");
    const get = (n) => metrics.find((m) => m.name === n).value * 1000;
    out[name].push(get("LayoutDuration") + get("RecalcStyleDuration"));
    await page.close();
  }
}
await browser.close();
for (const [name, values] of Object.entries(out)) {
  values.sort((a, b) => a - b);
  console.log(name.padEnd(10), "median", values[6].toFixed(1), "min", values[0].toFixed(1));
}
