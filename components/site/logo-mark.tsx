/** The Tandem mark: two linked rings, for apps whose users work together in real time. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <circle cx="12" cy="16" r="8" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="20" cy="16" r="8" fill="none" stroke="var(--color-accent)" strokeWidth="3" />
    </svg>
  );
}
