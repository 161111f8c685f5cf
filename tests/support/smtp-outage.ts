// An SMTP outage, played with real parts: lib/email/send-email.ts keeps one SMTP transport per process,
// and during an outage it is a real nodemailer transport to a port nothing listens on, so every send is
// refused the way a down server refuses it. endSmtpOutage() lets the next send build the real one again.
import { createServer } from "node:net";
import nodemailer from "nodemailer";

const mail = globalThis as unknown as { appMailer?: unknown };

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startSmtpOutage(): Promise<void> {
  mail.appMailer = nodemailer.createTransport(`smtp://127.0.0.1:${await unusedPort()}`);
}

export function endSmtpOutage(): void {
  delete mail.appMailer;
}
