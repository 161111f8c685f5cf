// CLI: `tsx emulators/stripe/main.ts` – starts the emulator from environment variables.
import { startStripeEmulator } from "./index";

function readPort(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`STRIPE_EMULATOR_PORT is not a port: ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const env = process.env;
  const emulator = await startStripeEmulator({
    port: readPort(env.STRIPE_EMULATOR_PORT),
    host: env.STRIPE_EMULATOR_HOST || undefined,
    publicUrl: env.STRIPE_EMULATOR_PUBLIC_URL || undefined,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
    webhookUrls: (env.STRIPE_EMULATOR_WEBHOOK_URL ?? "")
      .split(",")
      .map((url) => url.trim())
      .filter((url) => url !== ""),
    stateFile: env.STRIPE_EMULATOR_STATE_FILE || undefined,
    log: (line) => console.error(line),
  });
  console.log(`Stripe emulator listening on ${emulator.url}`);
  let isStopping = false;
  const stop = () => {
    if (isStopping) return;
    isStopping = true;
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
