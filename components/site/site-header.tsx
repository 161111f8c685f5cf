import Link from "next/link";
import { LogoMark } from "./logo-mark";

export function SiteHeader() {
  return (
    <header className="border-b border-line">
      <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <LogoMark className="h-7 w-7 text-brand" />
          Tandem
        </Link>
      </div>
    </header>
  );
}
