// An amount for people: cents, with the exact micro-dollars in the title when rounding hid some.
import { exactTitle, formatCents } from "@/lib/format/money";

export function Money({ micros, plusSign = false, className }: { micros: bigint; plusSign?: boolean; className?: string }) {
  return (
    <span className={className ?? "tabular-nums"} title={exactTitle(micros)}>
      {formatCents(micros, { plusSign })}
    </span>
  );
}
