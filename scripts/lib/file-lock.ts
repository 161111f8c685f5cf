// A cross-process lock from an exclusive mkdir: atomic on every filesystem we run on, and a lock held by
// a process that died is taken over instead of blocking forever.
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function tryAcquire(lockDir: string): Promise<boolean> {
  try {
    await mkdir(lockDir);
    await writeFile(path.join(lockDir, "owner"), String(process.pid));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number(await readFile(path.join(lockDir, "owner"), "utf8").catch(() => "0"));
    // No owner file yet: a process is between mkdir and writeFile, so wait, unless that was long ago.
    const createdMs = await stat(lockDir).then((info) => info.mtimeMs, () => Date.now());
    const isStale = owner === 0 ? Date.now() - createdMs > 10_000 : !isProcessAlive(owner);
    if (isStale) await rm(lockDir, { recursive: true, force: true });
    return false;
  }
}

/** Runs `work` while holding the lock at `lockDir`; waits up to `timeoutMs` for another holder. */
export async function withFileLock<T>(lockDir: string, work: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  await mkdir(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  while (!(await tryAcquire(lockDir))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the lock ${lockDir}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  try {
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
