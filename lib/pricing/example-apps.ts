import type { MonthlyUsage } from "./estimate";

export type ExampleApp = { name: string; description: string; usage: MonthlyUsage };

// Sized from what such apps do in a month; the page prices them on the card in force.
export const EXAMPLE_APPS: ExampleApp[] = [
  {
    name: "Team whiteboard",
    description:
      "A shared canvas for a 12-person team: live cursors, sticky notes, a few boards open through the workday.",
    usage: {
      cpuHours: 12n,
      memoryMib: 256n,
      connections: 6n,
      documents: 40n,
      messages: 2_500_000n,
      bandwidthGb: 4n,
      storageGib: 1n,
      firstPartyCalls: 15_000n,
      thirdPartyCalls: 0n,
    },
  },
  {
    name: "Turn-based game",
    description: "A chess club with 800 players a day: matchmaking, 3,000 games a day, move history kept forever.",
    usage: {
      cpuHours: 40n,
      memoryMib: 512n,
      connections: 60n,
      documents: 150n,
      messages: 9_000_000n,
      bandwidthGb: 12n,
      storageGib: 5n,
      firstPartyCalls: 120_000n,
      thirdPartyCalls: 5_000n,
    },
  },
  {
    name: "Collaborative docs",
    description:
      "A writing app with 10,000 monthly users: rich-text documents, comments and presence, search via an outside API.",
    usage: {
      cpuHours: 220n,
      memoryMib: 2_048n,
      connections: 400n,
      documents: 1_500n,
      messages: 60_000_000n,
      bandwidthGb: 90n,
      storageGib: 40n,
      firstPartyCalls: 900_000n,
      thirdPartyCalls: 150_000n,
    },
  },
];
