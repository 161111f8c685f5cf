import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readCappedBodyOrThrow } from "./read-capped-body";

function streamOf(chunkCount: number, chunkSize: number, onPull: () => void): ReadableStream<Uint8Array> {
  let pulled = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      if (pulled++ >= chunkCount) controller.close();
      else controller.enqueue(new Uint8Array(chunkSize).fill(0x61));
    },
  });
}

function post(body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/x", { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("readCappedBodyOrThrow", () => {
  it("returns a body up to the cap, byte for byte", async () => {
    expect(new TextDecoder().decode(await readCappedBodyOrThrow(post("héllo"), 6))).toBe("héllo");
    expect((await readCappedBodyOrThrow(new Request("http://localhost/x"), 10)).length).toBe(0);
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    let pulls = 0;
    const error = await refusal(readCappedBodyOrThrow(post(streamOf(10, 10, () => pulls++), { "content-length": "101" }), 100));
    expect(error.code).toBe("payload_too_large");
    expect(error.status).toBe(413);
    expect(error.details).toEqual({ max_bytes: 100 });
    expect(pulls).toBeLessThanOrEqual(1);
  });

  it("cuts a stream off once it passes the cap, whatever Content-Length claimed", async () => {
    let pulls = 0;
    // 1,000 chunks of 1 kB would be read whole; the cap is 4 kB.
    const error = await refusal(readCappedBodyOrThrow(post(streamOf(1000, 1024, () => pulls++), { "content-length": "10" }), 4096));
    expect(error.code).toBe("payload_too_large");
    expect(pulls).toBeLessThan(10);
  });
});
