import type { IncomingMessage } from "node:http";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { toWebRequest } from "./to-web-request";

/** A stand-in for Node's request: a readable stream with the fields toWebRequest reads. */
function formPost(): PassThrough & IncomingMessage {
  const stream = new PassThrough() as PassThrough & IncomingMessage;
  Object.assign(stream, { method: "POST", url: "/waitlist/join", headers: { "content-type": "application/x-www-form-urlencoded" } });
  return stream;
}

describe("toWebRequest", () => {
  it("hands the body over chunk by chunk", async () => {
    const req = formPost();
    const request = toWebRequest(req);
    req.end("email=a%40example.com");
    expect(await request.text()).toBe("email=a%40example.com");
    expect(request.method).toBe("POST");
    expect(request.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
  });

  it("lets a reader stop at its cap, and the request's later end throws nothing", async () => {
    const req = formPost();
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      const reader = toWebRequest(req).body!.getReader();
      req.write("x".repeat(1024));
      await reader.read();
      await reader.cancel();
      // The rest of the body still arrives and ends after the reader gave up (a 413 is being written).
      req.end("y".repeat(1024));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});
