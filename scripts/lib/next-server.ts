// Runs `next start` in its own process group: stopping the group also stops the next-server child
// that `next start` forks, which a plain kill would leave behind.
import { spawn } from "node:child_process";
import { waitForHttp } from "./ports";

export type NextServer = { url: string; stop: () => Promise<void> };

export type NextServerOptions = {
  port: number;
  distDir: string;
  env: NodeJS.ProcessEnv;
  /** `dev` runs the development server with hot reload instead of the production build. */
  mode?: "start" | "dev";
  /** Called if the server exits by itself (a crash), not when stop() ends it. */
  onUnexpectedExit?: (code: number | null) => void;
};

export async function startNextServer(options: NextServerOptions): Promise<NextServer> {
  const child = spawn("node_modules/.bin/next", [options.mode ?? "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...options.env, NEXT_DIST_DIR: options.distDir, NEXT_TELEMETRY_DISABLED: "1", PORT: String(options.port) },
  });
  let isStopping = false;
  const exited = new Promise<void>((resolve) =>
    child.on("exit", (code) => {
      if (!isStopping) options.onUnexpectedExit?.(code);
      resolve();
    }),
  );
  const stop = async () => {
    isStopping = true;
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await Promise.race([
      waitForHttp(`${url}/api/health`),
      exited.then(() => {
        throw new Error("next start exited before it was ready");
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
