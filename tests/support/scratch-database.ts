// A brand-new empty database on the test server, for tests that need a database in a known state
// (unmigrated, say) without disturbing the shared test database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { adminDatabaseUrl } from "./test-env";

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const admin = adminDatabaseUrl();
  const name = `platform_test_scratch_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${client.escapeIdentifier(name)}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      await dropper.query(`drop database if exists ${dropper.escapeIdentifier(name)} with (force)`);
      await dropper.end();
    },
  };
}
