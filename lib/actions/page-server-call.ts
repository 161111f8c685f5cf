// The seam between the zero-JS pages of the Pages Router (pages/) and the server-only domain. Next refuses,
// at build, any module reachable from pages/ that imports "server-only" ("only available in Server
// Components in the App Router"), and every domain module carries that marker, the database client first.
// So each server call such a page makes (in getStaticProps or getServerSideProps) is a named handle made
// here: the page imports the handle (types and a lookup, nothing that reads), and instrumentation.ts's
// register() gives each handle its server-only implementation when the server starts
// (lib/server-start/page-server-calls.ts). No domain code is bundled into pages/, and the marker keeps
// guarding every client bundle. `next build` never runs register(), so the reads that prerendering needs
// (pageServerRead) are taken once just before it, by the same implementations, into a JSON snapshot
// (next.config.ts, scripts/snapshot-page-reads.ts) that the build's workers answer from.
// No `server-only` here, by necessity; nothing here reads anything.
import type { ActionState } from "./action-state";

/** What a form posted to a zero-JS page comes to: a redirect (post/redirect/get) or the form again. */
export type FormPostResult =
  | { kind: "redirect"; location: string }
  | {
      kind: "error";
      /** The HTTP status of the page that shows the form again (from lib/errors.ts's table). */
      status: number;
      state: Extract<ActionState, { status: "error" }>;
      /** What was sent, to fill the form in again. */
      values: Record<string, string>;
    };

export type FormPostHandler = (request: Request) => Promise<FormPostResult>;

export type PageServerCall<T> = {
  readonly name: string;
  /** Called once per server process, by instrumentation.ts's register(). */
  register(implementation: T): void;
  /** The registered implementation; throws (a system error, logged by onRequestError) if there is none. */
  get(): T;
};

// On globalThis: instrumentation.ts and each page are separate bundles, each with its own copy of this module.
const REGISTRY = Symbol.for("tandem.pageServerCalls");
type Registry = { [REGISTRY]?: Map<string, unknown> };

function registry(): Map<string, unknown> {
  const holder = globalThis as Registry;
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

const SNAPSHOT_ENV = "TANDEM_PAGE_READS_SNAPSHOT";

/** Where the build's snapshot of the page reads is (set by next.config.ts during `next build` only). */
export function pageReadsSnapshotEnv(): string {
  return SNAPSHOT_ENV;
}

/** A named server call for the zero-JS pages; declared beside the domain that implements it. */
export function pageServerCall<T>(name: string): PageServerCall<T> {
  return {
    name,
    register: (implementation) => void registry().set(name, implementation),
    get: () => {
      if (!registry().has(name)) {
        throw new Error(`The page server call "${name}" is not registered: instrumentation.ts register() has not run in this process.`);
      }
      return registry().get(name) as T;
    },
  };
}

export type PageServerRead<T> = PageServerCall<() => Promise<T>> & {
  /** The value: from the registered read, or at build from the snapshot taken just before prerendering. */
  read(): Promise<T>;
};

let snapshot: Record<string, unknown> | undefined;

async function readSnapshot(name: string): Promise<unknown> {
  const file = process.env[SNAPSHOT_ENV];
  if (!file) throw new Error(`The page read "${name}" is not registered and no build snapshot is set (${SNAPSHOT_ENV}).`);
  if (!snapshot) {
    // node:fs only on this path (the build's workers); the page bundles never reach it in the browser.
    const { readFile } = await import("node:fs/promises");
    snapshot = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  }
  if (!(name in snapshot)) throw new Error(`The build snapshot ${file} has no page read "${name}".`);
  return snapshot[name];
}

/**
 * A page server call that takes no argument and returns JSON: a page may make it while it is prerendered
 * at build (getStaticProps), where the value comes from the snapshot.
 */
export function pageServerRead<T>(name: string): PageServerRead<T> {
  const call = pageServerCall<() => Promise<T>>(name);
  return {
    ...call,
    read: () => (registry().has(name) ? call.get()() : (readSnapshot(name) as Promise<T>)),
  };
}
