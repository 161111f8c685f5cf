// Runs the site's server (server.ts: Next behind the page cache) or a plain `next start`, in its own
// process group: stopping the group also stops the next-server child that `next start` forks, which a
// plain kill would leave behind.
import { spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { MALLOC_TUNING } from "./malloc-tuning";
import { waitForHttp } from "./ports";
import { processTree, terminateAll } from "./process-tree";

/** `pid` is the server's process; its CPU time is that of its process tree. */
export type NextServer = { url: string; pid: number | undefined; stop: () => Promise<void> };

export type NextServerOptions = {
  port: number;
  distDir: string;
  env: NodeJS.ProcessEnv;
  /**
   * `start` (the default) runs the site's production server, server.ts; `dev` the development server
   * with hot reload; `next-start` a plain `next start` (the bench's minimal app, which has no server.ts).
   */
  mode?: "start" | "dev" | "next-start";
  /** Called if the server exits by itself (a crash), not when stop() ends it. */
  onUnexpectedExit?: (code: number | null) => void;
  /** Where to record the server's processes, so a later start can stop what a killed run left. */
  pidFile?: string;
  /** Also hands everything the server prints (still shown as usual) to a test that reads its log. */
  onOutput?: (text: string) => void;
  /** The app to serve (default: this repository, the working directory). */
  cwd?: string;
  /** A path that answers 200 once the server is ready (default: the site's `/api/health`). */
  readyPath?: string;
};

/** Stops the processes a previous run recorded in `pidFile` if they are still Next servers. */
export async function stopLeftoverServer(pidFile: string): Promise<void> {
  const recorded = await readFile(pidFile, "utf8").catch(() => "");
  const pids = recorded.split(",").map(Number).filter((pid) => pid > 0);
  const alive: number[] = [];
  for (const pid of pids) {
    const command = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (command.includes("next") || command.includes("server.ts")) alive.push(pid);
  }
  if (alive.length > 0) {
    console.log(`stopping a site left running by an earlier run (pids ${alive.join(", ")})`);
    await terminateAll(alive);
  }
  await rm(pidFile, { force: true });
}

// A larger young generation for the server: a 1,000-record usage batch allocates several megabytes that
// live across a few awaits, and with the default 16 MB semi-space most of it was copied and promoted
// (in-process ingestion of the bench's batches: 57 -> 45 ms of CPU per batch with 32 MB).
const SERVER_NODE_OPTIONS = "--max-semi-space-size=32";

export async function startNextServer(options: NextServerOptions): Promise<NextServer> {
  const nodeOptions = [options.env.NODE_OPTIONS, SERVER_NODE_OPTIONS].filter(Boolean).join(" ");
  const mode = options.mode ?? "start";
  const [command, args] =
    mode === "start"
      ? [process.execPath, ["--import", "tsx", "server.ts"]]
      : ["node_modules/.bin/next", [mode === "dev" ? "dev" : "start", "-p", String(options.port), "-H", "127.0.0.1"]];
  const child = spawn(command, args, {
    detached: true,
    cwd: options.cwd,
    stdio: options.onOutput ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    env: {
      ...MALLOC_TUNING,
      ...options.env,
      NODE_OPTIONS: nodeOptions,
      NEXT_DIST_DIR: options.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
      HOSTNAME: "127.0.0.1",
    },
  });
  if (options.onOutput) {
    const onOutput = options.onOutput;
    child.stdout?.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      onOutput(chunk.toString("utf8"));
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      onOutput(chunk.toString("utf8"));
    });
  }
  let isStopping = false;
  const exited = new Promise<void>((resolve) =>
    child.on("exit", (code) => {
      if (!isStopping) options.onUnexpectedExit?.(code);
      resolve();
    }),
  );
  const stop = async () => {
    isStopping = true;
    if (child.pid === undefined) return;
    await terminateAll(processTree(child.pid));
    await exited;
    if (options.pidFile) await rm(options.pidFile, { force: true });
  };
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await Promise.race([
      waitForHttp(`${url}${options.readyPath ?? "/api/health"}`),
      exited.then(() => {
        throw new Error("the server exited before it was ready");
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  if (options.pidFile && child.pid !== undefined) await writeFile(options.pidFile, processTree(child.pid).join(","));
  return { url, pid: child.pid, stop };
}
