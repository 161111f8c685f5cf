import type { ServerResponse } from "node:http";

export function sendPdf(res: ServerResponse, bytes: Uint8Array, filename: string): void {
  res.writeHead(200, {
    "Content-Type": "application/pdf",
    "Content-Length": bytes.byteLength,
    "Content-Disposition": `inline; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    "Cache-Control": "no-store",
  });
  res.end(Buffer.from(bytes));
}
