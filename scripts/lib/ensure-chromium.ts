// End-to-end tests use Debian's Chromium, never a downloaded browser. As root we install it; otherwise
// we stop and say how.
import { existsSync } from "node:fs";
import { runCommand } from "./build-site";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export async function ensureChromium(): Promise<void> {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${CHROMIUM_PATH} is missing. Install Debian's Chromium first: sudo apt-get install -y chromium`,
    );
  }
  console.log("Installing Debian's chromium for the end-to-end tests (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  await runCommand("apt-get", ["update", "-qq"], env);
  await runCommand("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], env);
}
