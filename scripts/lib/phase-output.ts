// Where a test phase's output goes. `npm test` runs some phases side by side (scripts/run-tests.ts): one
// streams as it runs, each of the others is held and printed whole, under its own heading, when it ends,
// so the log reads phase by phase whatever the interleaving was.
import { spawn } from "node:child_process";

export type PhaseOutput = {
  /** A line of the runner's own (a heading, a timing). */
  log: (text: string) => void;
  /** Output of a child process, as it comes. */
  write: (chunk: string | Buffer) => void;
  /** Whether children should inherit the terminal (live) or be piped into write(). */
  isLive: boolean;
  /** Prints what was held (nothing for a live output). */
  flush: () => void;
};

type Writer = (text: string) => void;

const toStdout: Writer = (text) => void process.stdout.write(text);

/** Straight to the terminal, as a phase that runs alone. */
export function liveOutput(writer: Writer = toStdout): PhaseOutput {
  return { log: (text) => writer(`${text}\n`), write: (chunk) => writer(chunk.toString()), isLive: true, flush: () => {} };
}

/** Held until flush(), then printed in one piece between two rules naming the phase. */
export function bufferedOutput(title: string, writer: Writer = toStdout): PhaseOutput {
  const held: string[] = [];
  return {
    log: (text) => void held.push(`${text}\n`),
    write: (chunk) => void held.push(chunk.toString()),
    isLive: false,
    flush: () => {
      const body = held.splice(0).join("");
      writer(`\n┌── ${title} (ran alongside other phases; its output in one piece)\n${body}${body.endsWith("\n") ? "" : "\n"}└── end of ${title}\n`);
    },
  };
}

/** Runs a command into `output`; resolves with its exit code (1 if it could not start). */
export function runInto(output: PhaseOutput, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: output.isLive ? "inherit" : ["ignore", "pipe", "pipe"], env });
    child.stdout?.on("data", output.write);
    child.stderr?.on("data", output.write);
    child.on("error", (error) => {
      output.log(`${command}: ${error.message}`);
      resolve(1);
    });
    child.on("close", (code) => resolve(code ?? 1));
  });
}
