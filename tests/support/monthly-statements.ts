// Helpers for the monthly statement's tests: the statement page's own figures for a month (its pages,
// read as the page reads them, summed here), the figures a statement PDF prints, and the PDF attached
// to a caught email.
import { extractText, getDocumentProxy } from "unpdf";
import { getStatementLines } from "@/lib/account/get-statement-lines";
import type { StatementLine } from "@/lib/account/statement-lines";
import { getDb } from "@/lib/db/client";
import type { AppSession } from "@/lib/session/app-session";
import { mailApiUrl } from "./test-env";

export type PageMonth = {
  opening: bigint;
  closing: bigint;
  credits: bigint;
  usage: bigint;
  other: bigint;
  spaces: Map<string, bigint>;
};

/** Every line of the session's statement page, newest first, following "Older movements" to the end. */
export async function everyStatementLine(session: AppSession): Promise<StatementLine[]> {
  const lines: StatementLine[] = [];
  let before: string | undefined;
  for (let pages = 0; pages < 40; pages++) {
    const page = await getStatementLines(getDb(), session, { filter: "all", before });
    lines.push(...page.lines);
    if (!page.nextCursor) break;
    before = page.nextCursor;
  }
  return lines;
}

/** The page's figures for a UTC month: its lines of the month's days, their balances and amounts. */
export function pageMonth(lines: StatementLine[], month: string): PageMonth {
  const dayOf = (line: StatementLine) =>
    line.type === "usage" ? line.day : line.movement.at.toISOString().slice(0, 10);
  const inMonth = lines.filter((line) => dayOf(line).startsWith(month));
  const older = lines.filter((line) => dayOf(line) < `${month}-01`);
  const closingBefore = older[0]?.balanceAfterMicros ?? 0n;
  const result: PageMonth = {
    opening: inMonth.length ? inMonth.at(-1)!.balanceAfterMicros - inMonth.at(-1)!.amountMicros : closingBefore,
    closing: inMonth[0]?.balanceAfterMicros ?? closingBefore,
    credits: 0n,
    usage: 0n,
    other: 0n,
    spaces: new Map(),
  };
  for (const line of inMonth) {
    if (line.type === "usage") {
      result.usage += line.amountMicros;
      for (const space of line.spaces)
        result.spaces.set(space.name, (result.spaces.get(space.name) ?? 0n) + space.costMicros);
    } else if (line.movement.kind === "top_up" || line.movement.kind === "grant") result.credits += line.amountMicros;
    else if (line.movement.kind === "usage_write_off") result.usage += line.amountMicros;
    else result.other += line.amountMicros;
  }
  return result;
}

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text };
}

function toMicros(amount: string): bigint {
  const negative = amount.startsWith("-");
  const [whole, fraction = ""] = amount.replace(/[+\-$,]/g, "").split(".");
  const micros = BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, "0"));
  return negative ? -micros : micros;
}

/** The amount a PDF prints after `label` ("Closing balance $25.77 (exact $25.765427)"), exactly, in micro-dollars. */
export function pdfAmount(text: string, label: string): bigint {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = text.match(
    new RegExp(`${escaped} ([+-]?\\$[\\d,]+\\.\\d{2})(?: \\(exact ([+-]?\\$[\\d,]+\\.\\d{6})\\))?`),
  );
  if (!match) throw new Error(`no "${label}" amount in the PDF`);
  return toMicros(match[2] ?? match[1]!);
}

/** The PDF attached to a caught email (from its raw source), with its file name. */
export async function pdfAttachmentOf(emailId: string): Promise<{ filename: string; bytes: Uint8Array } | null> {
  const source = await (await fetch(`${mailApiUrl()}/api/email/${emailId}/source`)).text();
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((line) => /^Content-Type: application\/pdf/i.test(line));
  if (start < 0) return null;
  const blank = lines.indexOf("", start);
  const headers = lines.slice(start, blank).join(" ");
  const filename = headers.match(/filename="?([^";\s]+)"?/i)?.[1] ?? "";
  const body: string[] = [];
  for (const line of lines.slice(blank + 1)) {
    if (line.startsWith("--")) break;
    body.push(line.trim());
  }
  return { filename, bytes: new Uint8Array(Buffer.from(body.join(""), "base64")) };
}
