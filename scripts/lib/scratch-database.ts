// A brand-new empty database on a server, dropped (connections and all) when done. Names start with
// `platform_test_`, which is what the integration tests' guard accepts on a non-local server.
import { randomBytes } from "node:crypto";
import pg from "pg";

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

async function runAdmin(serverUrl: string, statement: (client: pg.Client) => string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement(client));
  } finally {
    await client.end();
  }
}

export async function createScratchDatabase(serverUrl: string, label = "scratch"): Promise<ScratchDatabase> {
  const name = `platform_test_${label}_${randomBytes(6).toString("hex")}`;
  await runAdmin(serverUrl, (client) => `create database ${client.escapeIdentifier(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      runAdmin(serverUrl, (client) => `drop database if exists ${client.escapeIdentifier(name)} with (force)`),
  };
}
