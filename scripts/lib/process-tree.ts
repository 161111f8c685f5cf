import { execFileSync } from "node:child_process";
import { isProcessAlive } from "./file-lock";

/** `pid` and every process below it. `next start` forks `next-server` into a group of its own, so
 * stopping a process group alone can leave the real server running. */
export function processTree(pid: number): number[] {
  let table: Array<[number, number]>;
  try {
    table = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  } catch {
    return [pid];
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) {
    for (const [child, parent] of table) if (parent === tree[index]) tree.push(child);
  }
  return tree;
}

export function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Sends SIGTERM to every process in `pids`, then SIGKILL to any still alive after `graceMs`. */
export async function terminateAll(pids: number[], graceMs = 5_000): Promise<void> {
  signalAll(pids, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (pids.some(isProcessAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  signalAll(pids.filter(isProcessAlive), "SIGKILL");
}
