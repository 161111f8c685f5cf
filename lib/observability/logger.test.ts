import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

describe("the logger", () => {
  it("writes an error with its cause chain's codes, redacted", () => {
    const lines: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const pgError = Object.assign(new Error('new row for relation "user" violates check constraint "user_name_check"'), {
      code: "23514",
      constraint: "user_name_check",
      detail: "Failing row contains (carol@example.com, Carol).",
    });
    createLogger({ destination, level: "info" }).error({ err: new Error("could not save the name", { cause: pgError }), user: "carol@example.com" }, "action failed");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: "action failed",
      user: "c***@example.com",
      err: { type: "Error", message: "could not save the name", cause: { code: "23514", constraint: "user_name_check" } },
    });
    expect(JSON.stringify(lines[0])).not.toMatch(/carol|Carol/);
  });
});
