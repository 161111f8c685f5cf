import "server-only";
import type { Database } from "@/lib/db/client";

/** What the demo seed created, for `.data/demo.json` (DESIGN section 3). */
export type DemoSeed = {
  adminEmail?: string;
  userEmail?: string;
  platformToken?: string;
  stripeEmulatorUrl?: string;
};

/**
 * Seeds the demo, idempotently: each step checks before it creates. The money core, signup and
 * payments each add their step here as they land.
 */
export function seedDemo(db: Database): Promise<DemoSeed> {
  void db;
  return Promise.resolve({});
}
