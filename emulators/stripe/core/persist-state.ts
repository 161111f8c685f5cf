import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { createEmptyState, type EmulatorState } from "./state";

// Missing collections (a file from an older emulator) start empty rather than failing.
export function loadState(file: string): EmulatorState {
  const empty = createEmptyState();
  if (!existsSync(file)) return empty;
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (parsed === null || typeof parsed !== "object") return empty;
  const loaded = parsed as Partial<EmulatorState>;
  const merged = { ...empty };
  for (const key of Object.keys(empty) as Array<keyof EmulatorState>) {
    const value = loaded[key];
    if (value && typeof value === "object") Object.assign(merged, { [key]: value });
  }
  return merged;
}

function writeState(file: string, state: EmulatorState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  // Rename is atomic, so a crash mid-write never leaves a half-written state file.
  renameSync(temporary, file);
}

// Coalesces bursts of changes (one request can create several objects and events) into one write.
export function createStateSaver(file: string | undefined, getState: () => EmulatorState, delayMs = 25) {
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (file) writeState(file, getState());
  };
  return {
    schedule(): void {
      if (!file || timer) return;
      timer = setTimeout(flush, delayMs);
      timer.unref();
    },
    flush(): void {
      if (file) flush();
    },
  };
}
