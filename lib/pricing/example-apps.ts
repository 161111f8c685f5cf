import { profileToUsage, type AppProfile } from "./app-profile";
import type { MonthlyUsage } from "./estimate";

/** `usage` is what `profile` means in metered quantities (profileToUsage), priced on the card in force. */
export type ExampleApp = { id: string; name: string; description: string; profile: AppProfile; usage: MonthlyUsage };

function exampleApp(app: Omit<ExampleApp, "usage">): ExampleApp {
  return { ...app, usage: profileToUsage(app.profile) };
}

// Sized from what such apps do in a month; the calculator starts from any of them in one click.
export const EXAMPLE_APPS: ExampleApp[] = [
  exampleApp({
    id: "whiteboard",
    name: "Team whiteboard",
    description:
      "A shared canvas for a 12-person team: live cursors, sticky notes, a few boards open through the workday.",
    profile: {
      peakUsers: 12n,
      usersPerDocument: 4n,
      memoryPerDocumentMib: 64n,
      dailyUsers: 12n,
      messagesPerUserPerDay: 7_000n,
      messageBytes: 200n,
      cpuMsPerThousandMessages: 5_000n,
      storedGib: 1n,
      platformCallsPerUserPerDay: 40n,
      outboundCallsPerDay: 0n,
    },
  }),
  exampleApp({
    id: "game",
    name: "Turn-based game",
    description: "A chess club with 800 players a day: matchmaking, 3,000 games a day, move history kept forever.",
    profile: {
      peakUsers: 80n,
      usersPerDocument: 2n,
      memoryPerDocumentMib: 4n,
      dailyUsers: 800n,
      messagesPerUserPerDay: 400n,
      messageBytes: 300n,
      cpuMsPerThousandMessages: 10_000n,
      storedGib: 5n,
      platformCallsPerUserPerDay: 5n,
      outboundCallsPerDay: 150n,
    },
  }),
  exampleApp({
    id: "docs",
    name: "Collaborative docs",
    description:
      "A writing app with 10,000 monthly users: rich-text documents, comments and presence, search via an outside API.",
    profile: {
      peakUsers: 400n,
      usersPerDocument: 3n,
      memoryPerDocumentMib: 16n,
      dailyUsers: 2_000n,
      messagesPerUserPerDay: 1_000n,
      messageBytes: 500n,
      cpuMsPerThousandMessages: 10_000n,
      storedGib: 40n,
      platformCallsPerUserPerDay: 15n,
      outboundCallsPerDay: 5_000n,
    },
  }),
];
