import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { acquireEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { findFreePort } from "@/scripts/lib/ports";

const dataDir = path.join(tmpdir(), `platform-pg-share-${process.pid}`);

function postgresProcessesFor(dir: string): number {
  const list = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
  return list.split("\n").filter((line) => line.includes("postgres -D") && line.includes(dir)).length;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}.clients`, { recursive: true, force: true });
});

describe("embedded Postgres shared by two commands", () => {
  it("starts one server for concurrent users and stops it only when the last one leaves", async () => {
    const port = await findFreePort();
    const [first, second] = await Promise.all([
      acquireEmbeddedPostgres({ dataDir, port, database: "one" }),
      acquireEmbeddedPostgres({ dataDir, port, database: "two" }),
    ]);
    expect(postgresProcessesFor(dataDir)).toBe(1);
    expect(await answers(first.url)).toBe(true);
    expect(await answers(second.url)).toBe(true);

    await first.release();
    expect(await answers(second.url)).toBe(true);

    await second.release();
    expect(await answers(second.url)).toBe(false);
    expect(postgresProcessesFor(dataDir)).toBe(0);
  }, 120_000);
});
