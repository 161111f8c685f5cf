import { ImageResponse } from "next/og";

export const ogImageSize = { width: 1200, height: 630 };

/** The social card shared by every page: the mark, the page's title and a line under it. */
export function renderOgImage({ title, subtitle }: { title: string; subtitle: string }): ImageResponse {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "#0b1120",
        color: "#e2e8f0",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 20 }}>
        <svg width="72" height="72" viewBox="0 0 32 32">
          <circle cx="12" cy="16" r="8" fill="none" stroke="#818cf8" strokeWidth="3" />
          <circle cx="20" cy="16" r="8" fill="none" stroke="#2dd4bf" strokeWidth="3" />
        </svg>
        <span style={{ fontSize: 44, fontWeight: 700 }}>Tandem</span>
      </div>
      <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
        <span style={{ fontSize: 68, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1.5 }}>{title}</span>
        <span style={{ fontSize: 32, color: "#94a3b8" }}>{subtitle}</span>
      </div>
    </div>,
    ogImageSize,
  );
}
