/** The account cap and the places left under it (accounts and invitations still out take them). */
export type WaitlistCapacity = { accountCap: number; placesLeft: number };

export const entries = (count: number) => `${count} ${count === 1 ? "entry" : "entries"}`;

/**
 * Why approvals stopped at the cap, for the bulk decision's summary and the single approval's refusal
 * (decide-waitlist-entry.ts), so the operator reads the same words whichever button they used.
 */
export function describeCapacityShortfall(waiting: number, { accountCap, placesLeft }: WaitlistCapacity): string {
  return `${entries(waiting)} still ${waiting === 1 ? "waits" : "wait"}: the account cap is ${accountCap.toLocaleString("en-US")} and ${placesLeft === 0 ? "no place was" : `only ${placesLeft.toLocaleString("en-US")} ${placesLeft === 1 ? "place was" : "places were"}`} left (accounts and invitations still out count against it). Raise the cap in settings or approve ${waiting === 1 ? "it" : "them"} once places free up.`;
}
