// The demo and test SMTP server: maildev, with its REST API (GET /api/email) for people and tests.
import { MailDev } from "maildev";
import { isPortInUse } from "./ports";

export type MailCatcher = { smtpUrl: string; apiUrl: string; isShared: boolean; stop: () => Promise<void> };

export async function startMailCatcher(options: { smtpPort: number; webPort: number }): Promise<MailCatcher> {
  const smtpUrl = `smtp://127.0.0.1:${options.smtpPort}`;
  const apiUrl = `http://127.0.0.1:${options.webPort}`;
  if ((await isPortInUse(options.smtpPort)) || (await isPortInUse(options.webPort))) {
    // Another command (a second `npm start`, say) already runs the catcher: share it rather than fail.
    const answer = await fetch(`${apiUrl}/api/email`).catch(() => undefined);
    if (answer?.ok) return { smtpUrl, apiUrl, isShared: true, stop: async () => {} };
    throw new Error(`Port ${options.smtpPort} or ${options.webPort} is taken by something that is not the mail catcher`);
  }
  const maildev = new MailDev({
    smtp: options.smtpPort,
    web: options.webPort,
    ip: "127.0.0.1",
    webIp: "127.0.0.1",
    silent: true,
  });
  await maildev.start();
  return { smtpUrl, apiUrl, isShared: false, stop: () => maildev.stop() };
}
