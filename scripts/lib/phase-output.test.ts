import { describe, expect, it } from "vitest";
import { bufferedOutput, liveOutput, runInto } from "./phase-output";

// A child that prints three numbered lines, waiting between them, so two of them interleave in time.
const talker = (name: string, delayMs: number) => [
  "-e",
  `let i = 0; const t = setInterval(() => { console.log("${name} " + ++i); if (i === 3) { clearInterval(t); process.exitCode = ${name === "b" ? 3 : 0}; } }, ${delayMs});`,
];

describe("phases run side by side", () => {
  it("print each buffered phase whole when it ends, with its exit code", async () => {
    const printed: string[] = [];
    const writer = (text: string) => void printed.push(text);
    const a = bufferedOutput("phase a", writer);
    const b = bufferedOutput("phase b", writer);
    const [codeA, codeB] = await Promise.all(
      [a, b].map(async (output, index) => {
        output.log(`start ${index}`);
        const code = await runInto(output, process.execPath, talker(index === 0 ? "a" : "b", index === 0 ? 40 : 25));
        output.flush();
        return code;
      }),
    );
    expect([codeA, codeB]).toEqual([0, 3]);
    const text = printed.join("");
    // Whichever ends first, neither block has a line of the other inside.
    expect(text).toMatch(/┌── phase b[^\n]*\nstart 1\nb 1\nb 2\nb 3\n└── end of phase b\n/);
    expect(text).toMatch(/┌── phase a[^\n]*\nstart 0\na 1\na 2\na 3\n└── end of phase a\n/);
  });

  it("print nothing of a buffered phase before it ends, and a live one at once", async () => {
    const printed: string[] = [];
    const held = bufferedOutput("held", (text) => void printed.push(text));
    held.log("one");
    expect(printed).toEqual([]);
    const live = liveOutput((text) => void printed.push(text));
    live.log("two");
    expect(printed).toEqual(["two\n"]);
  });

  it("answer 1 for a command that cannot start", async () => {
    const output = bufferedOutput("missing", () => {});
    expect(await runInto(output, "/nonexistent/command", [])).toBe(1);
  });
});
