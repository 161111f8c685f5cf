// npm run simulate:usage – feeds live usage for the demo user's spaces into a running site through the
// billing API, every few seconds, until Ctrl-C; watch the balance move on the account page.
import { readFile } from "node:fs/promises";
import { DEMO_JSON } from "./lib/paths";

type Demo = { appUrl: string; platformToken?: string; userAccount?: string };

const demo = JSON.parse(await readFile(DEMO_JSON, "utf8").catch(() => "{}")) as Partial<Demo>;
if (!demo.appUrl || !demo.platformToken || !demo.userAccount) {
  console.error("No running demo found: start it with `npm start` first (it writes .data/demo.json).");
  process.exit(1);
}
const { appUrl, platformToken, userAccount } = demo as Demo;
const intervalMs = Number(process.env.SIMULATE_INTERVAL_MS ?? 3000);
const spaces = ["whiteboard", "chess-club"];
let running = true;
process.on("SIGINT", () => (running = false));
process.on("SIGTERM", () => (running = false));

const jitter = (base: number) => Math.round(base * (0.5 + Math.random()));
let batches = 0;
console.log(`Sending usage for ${userAccount} to ${appUrl} every ${intervalMs / 1000} s. Ctrl-C stops.`);
while (running) {
  const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  const records = spaces.map((space) => ({
    id: `sim:${space}:${Date.now()}:${Math.random().toString(36).slice(2, 8)}`,
    account: userAccount,
    space,
    hour,
    cpu_ms: jitter(20_000),
    messages: jitter(3_000),
    bandwidth_bytes: jitter(8_000_000),
    first_party_calls: jitter(15),
  }));
  const response = await fetch(`${appUrl}/api/billing/v1/usage`, {
    method: "POST",
    headers: { authorization: `Bearer ${platformToken}`, "content-type": "application/json" },
    body: JSON.stringify({ records }),
  }).catch((error: Error) => ({ ok: false, status: 0, text: () => Promise.resolve(error.message) }));
  batches++;
  if (!response.ok) console.error(`batch ${batches}: ${response.status} ${await response.text()}`);
  else process.stdout.write(`\rbatches sent: ${batches}`);
  await new Promise((resolve) => setTimeout(resolve, intervalMs));
}
console.log("\nstopped");
