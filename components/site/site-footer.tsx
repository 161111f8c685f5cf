export function SiteFooter() {
  return (
    <footer className="mt-auto border-t border-line">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-ink-soft sm:px-6">
        <p>Tandem: a hosted backend for real-time apps, billed by what you use.</p>
      </div>
    </footer>
  );
}
