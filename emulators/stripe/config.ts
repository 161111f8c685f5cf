export type StripeEmulatorOptions = {
  /** Default 12111; 0 picks any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Base URL for hosted pages in `url` fields; default http://{host}:{port}. */
  publicUrl?: string;
  /** Default "sk_test_emulator"; any other bearer key gets a 401. */
  apiKey?: string;
  /** Default "whsec_emulator". */
  webhookSecret?: string;
  /** Endpoints every event is POSTed to. */
  webhookUrls?: string[];
  /** Webhook retry backoff base in ms (default 1000); doubles per attempt up to retryMaxMs. */
  retryBaseMs?: number;
  /** Backoff cap in ms, default 60000. */
  retryMaxMs?: number;
  /** Attempts per event and endpoint before giving up, default 8. */
  webhookMaxAttempts?: number;
  /** How long one delivery attempt may take, default 10000 ms. */
  webhookTimeoutMs?: number;
  /** Optional JSON file: loaded at start, saved after every change. */
  stateFile?: string;
  /** Receives one line per notable thing (deliveries given up, unexpected errors). */
  log?: (line: string) => void;
};

export type EmulatorConfig = {
  host: string;
  port: number;
  publicUrl: string;
  apiKey: string;
  webhookSecret: string;
  webhookUrls: string[];
  retryBaseMs: number;
  retryMaxMs: number;
  webhookMaxAttempts: number;
  webhookTimeoutMs: number;
  stateFile: string | undefined;
  log: (line: string) => void;
};

export const DEFAULT_PORT = 12111;

// The port is only known after listen (port 0), so the public URL is resolved then.
export function resolveConfig(options: StripeEmulatorOptions, port: number): EmulatorConfig {
  const host = options.host ?? "127.0.0.1";
  return {
    host,
    port,
    publicUrl: (options.publicUrl ?? `http://${host}:${port}`).replace(/\/+$/, ""),
    apiKey: options.apiKey ?? "sk_test_emulator",
    webhookSecret: options.webhookSecret ?? "whsec_emulator",
    webhookUrls: [...(options.webhookUrls ?? [])],
    retryBaseMs: options.retryBaseMs ?? 1000,
    retryMaxMs: options.retryMaxMs ?? 60_000,
    webhookMaxAttempts: options.webhookMaxAttempts ?? 8,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    stateFile: options.stateFile,
    log: options.log ?? (() => undefined),
  };
}
