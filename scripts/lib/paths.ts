import path from "node:path";

/** Fixed local addresses of the demo stack (DESIGN section 3). */
export const DATA_DIR = path.resolve(".data");
export const DEMO_PG = { dataDir: path.join(DATA_DIR, "postgres"), port: 54329, database: "platform" };
export const DEMO_MAIL = { smtpPort: 1025, webPort: 1080 };
export const DEMO_JSON = path.join(DATA_DIR, "demo.json");
export const DEMO_STRIPE = { port: 12111, stateFile: path.join(DATA_DIR, "stripe-emulator.json") };
export const DEMO_SITE_PIDS = path.join(DATA_DIR, "site.pids");
