// Shared pieces of the hosted pages: escaping, money, and one small stylesheet.
export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function formatAmount(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}

export function formatDate(seconds: number): string {
  return (
    new Date(seconds * 1000).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) +
    " UTC"
  );
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1f36;background:#f6f9fc}
main{max-width:520px;margin:40px auto;padding:0 16px}
.card{background:#fff;border:1px solid #e3e8ee;border-radius:12px;padding:28px;box-shadow:0 2px 6px rgba(50,50,93,.06)}
h1{font-size:1.35rem;margin:0 0 4px}
h2{font-size:1.05rem;margin:24px 0 8px}
.muted{color:#596171;font-size:.9rem}
.badge{display:inline-block;background:#ffde92;color:#5d4100;font-size:.75rem;font-weight:600;padding:2px 8px;border-radius:999px;margin-bottom:12px}
.total{font-size:2rem;font-weight:600;margin:8px 0 16px}
ul.items,ul.methods{list-style:none;padding:0;margin:0}
ul.items li,ul.methods li{display:flex;justify-content:space-between;align-items:center;gap:12px;padding:10px 0;border-bottom:1px solid #eef1f5}
label{display:block;font-weight:500;font-size:.9rem;margin:14px 0 6px}
input[type=text],input[type=email]{width:100%;padding:10px 12px;border:1px solid #cfd7df;border-radius:8px;font:inherit}
select{width:100%;padding:10px 12px;border:1px solid #cfd7df;border-radius:8px;font:inherit;background:#fff;color:inherit}
select:focus-visible,input[type=checkbox]:focus-visible{outline:3px solid #a4c8ff;outline-offset:2px}
input[type=checkbox]{width:18px;height:18px;flex:none}
dl.totals{margin:20px 0 0;border-top:1px solid #eef1f5}
dl.totals div{display:flex;justify-content:space-between;gap:12px;padding:8px 0;border-bottom:1px solid #eef1f5}
dl.totals dt,dl.totals dd{margin:0}
dl.totals div:last-child{font-weight:600}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #a4c8ff;outline-offset:2px}
fieldset{border:1px solid #e3e8ee;border-radius:8px;margin:16px 0 0;padding:8px 14px 12px}
legend{font-weight:500;font-size:.9rem;padding:0 4px}
fieldset label{display:flex;gap:8px;align-items:center;font-weight:400;margin:8px 0}
.row{display:flex;gap:12px}.row>div{flex:1}
button{white-space:nowrap;appearance:none;border:0;border-radius:8px;background:#635bff;color:#fff;font:inherit;font-weight:600;padding:12px 16px;cursor:pointer}
button.primary{width:100%;margin-top:20px}
button.secondary{background:#fff;color:#635bff;border:1px solid #cfd7df;padding:6px 12px;font-size:.85rem}
.actions{display:flex;gap:8px;align-items:center}
.actions form{margin:0}
ul.items a{white-space:nowrap}
a{color:#635bff}
.cancel{display:block;text-align:center;margin-top:16px}
.alert{border-radius:8px;padding:10px 12px;margin:16px 0}
.alert.error{background:#fff0f0;color:#a4002c;border:1px solid #ffc9d2}
.alert.ok{background:#effaf3;color:#0b6b3a;border:1px solid #b6e8c9}
.hint{margin-top:24px;font-size:.85rem;color:#596171}
.hint code{background:#f1f3f7;padding:1px 4px;border-radius:4px}
`;

export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="card">
<span class="badge">TEST MODE · Stripe emulator</span>
${body}
</div>
</main>
</body>
</html>`;
}

export function renderAlert(kind: "error" | "ok", message: string | null | undefined): string {
  if (!message) return "";
  const role = kind === "error" ? "alert" : "status";
  return `<div class="alert ${kind}" role="${role}">${escapeHtml(message)}</div>`;
}

export function renderMessagePage(title: string, message: string, link?: { href: string; label: string }): string {
  const action = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : "";
  return renderPage(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${action}`);
}
