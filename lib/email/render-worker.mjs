// The thread that draws emails (lib/email/render-in-worker.ts): plain Node, loaded with tsx, outside the
// `react-server` condition under which route handlers, server actions and the scripts run, because
// react-dom/server (which React Email renders with) refuses to load under it.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { renderEmail } = await tsImport("./render-email.tsx", import.meta.url);

parentPort.on("message", (request) => {
  renderEmail(request.template, request.data).then(
    (email) => parentPort.postMessage({ id: request.id, email }),
    (error) =>
      parentPort.postMessage({
        id: request.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
