// The components' own packages (what @react-email/components re-exports), not the bundle: it loads
// every component (Markdown, CodeBlock with its highlighter) and the email thread starts in a third of the time.
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";
import { getEnv } from "@/lib/env";

// The one frame every email is drawn in: the wordmark, a card, and a footer naming the company, its
// contact address and why the reader got the email. Inline styles only: mail clients drop <style>.

const font = "system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif";
const colors = { ink: "#0f172a", muted: "#475569", line: "#e2e8f0", page: "#f8fafc", brand: "#4f46e5" };

/** How a callout reads: news, something to act on soon (amber), or something stopped (red). */
export type Tone = "info" | "warning" | "danger";
const tones: Record<Tone, { background: string; border: string; ink: string }> = {
  info: { background: "#eef2ff", border: "#c7d2fe", ink: "#312e81" },
  warning: { background: "#fffbeb", border: "#fcd34d", ink: "#78350f" },
  danger: { background: "#fef2f2", border: "#f87171", ink: "#7f1d1d" },
};
const buttonColors: Record<Tone, string> = { info: colors.brand, warning: colors.brand, danger: "#b91c1c" };

export type EmailLayoutProps = {
  /** The line mail clients show beside the subject. */
  preview: string;
  /** Why the reader got this email, said in the footer ("You asked to sign in to Tandem."). */
  reason: string;
  /**
   * A billing contact's one-click unsubscribe link, shown under the reason. Templates do not pass it:
   * renderEmail hands it over from the row's data (`unsubscribeUrl`), so every email to a contact has it.
   */
  unsubscribeUrl?: string;
  children: ReactNode;
};

export function EmailLayout({ preview, reason, unsubscribeUrl, children }: EmailLayoutProps) {
  const { appUrl, company } = getEnv();
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ margin: 0, padding: "32px 16px", background: colors.page, fontFamily: font, color: colors.ink }}>
        <Container style={{ maxWidth: 520, margin: "0 auto" }}>
          <Text style={{ margin: "0 0 16px", fontSize: 18, fontWeight: 700, letterSpacing: "-0.01em" }}>
            <Link href={appUrl} style={{ color: colors.brand, textDecoration: "none" }}>
              Tandem
            </Link>
          </Text>
          <Section style={{ background: "#ffffff", border: `1px solid ${colors.line}`, borderRadius: 12, padding: 32 }}>
            {children}
          </Section>
          <Text style={{ margin: "24px 0 0", fontSize: 12, lineHeight: "18px", color: colors.muted }}>{reason}</Text>
          {unsubscribeUrl ? (
            <Text style={{ margin: "8px 0 0", fontSize: 12, lineHeight: "18px", color: colors.muted }}>
              You get this as a billing contact of the account.{" "}
              <Link href={unsubscribeUrl} style={{ color: colors.muted, textDecoration: "underline" }}>
                Unsubscribe
              </Link>{" "}
              to stop these emails; no sign-in needed.
            </Text>
          ) : null}
          <Hr style={{ borderColor: colors.line, margin: "12px 0" }} />
          <Text style={{ margin: 0, fontSize: 12, lineHeight: "18px", color: colors.muted }}>
            Tandem is run by {company.name}. Questions? Write to{" "}
            <Link href={`mailto:${company.contactEmail}`} style={{ color: colors.muted }}>
              {company.contactEmail}
            </Link>
            .
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function EmailHeading({ children }: { children: ReactNode }) {
  return (
    <Heading style={{ margin: "0 0 12px", fontSize: 20, lineHeight: "28px", fontWeight: 600 }}>{children}</Heading>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={{ margin: "0 0 16px", fontSize: 14, lineHeight: "22px", color: colors.muted }}>{children}</Text>;
}

/** The email's one main action. */
export function EmailButton({ href, tone = "info", children }: { href: string; tone?: Tone; children: ReactNode }) {
  return (
    <Button
      href={href}
      style={{
        background: buttonColors[tone],
        color: "#ffffff",
        fontSize: 14,
        fontWeight: 600,
        padding: "10px 18px",
        borderRadius: 8,
        textDecoration: "none",
      }}
    >
      {children}
    </Button>
  );
}

/** A small secondary link under the main action. */
export function SecondaryLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Text style={{ margin: "16px 0 0", fontSize: 13, lineHeight: "20px", color: colors.muted }}>
      <Link href={href} style={{ color: colors.muted, textDecoration: "underline" }}>
        {children}
      </Link>
    </Text>
  );
}

/** A coloured box for the state of the account: warning (amber) or danger (red) look different on purpose. */
export function Callout({ tone, title, children }: { tone: Tone; title?: string; children?: ReactNode }) {
  const style = tones[tone];
  return (
    <Section
      data-tone={tone}
      style={{
        background: style.background,
        border: `1px solid ${style.border}`,
        borderLeft: `4px solid ${style.border}`,
        borderRadius: 8,
        padding: "12px 16px",
        margin: "0 0 16px",
      }}
    >
      {title ? (
        <Text style={{ margin: 0, fontSize: 14, lineHeight: "22px", fontWeight: 600, color: style.ink }}>{title}</Text>
      ) : null}
      {children ? (
        <Text style={{ margin: title ? "4px 0 0" : 0, fontSize: 14, lineHeight: "22px", color: style.ink }}>
          {children}
        </Text>
      ) : null}
    </Section>
  );
}

/** Key figures as label / value lines ("Added $25.00", "Balance $30.00"). */
export function Figures({ rows }: { rows: Array<[label: string, value: string]> }) {
  return (
    <Section style={{ margin: "0 0 20px" }}>
      {rows.map(([label, value]) => (
        <Text key={label} style={{ margin: "0 0 4px", fontSize: 14, lineHeight: "22px" }}>
          <span style={{ color: colors.muted }}>{label}: </span>
          <strong>{value}</strong>
        </Text>
      ))}
    </Section>
  );
}
