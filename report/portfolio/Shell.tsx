import type { ReactNode } from 'react';

/**
 * Inline CSS only, so the file opens anywhere (and prints to PDF) without any
 * external resource. Suppressed figures are told in words, never by colour alone.
 */
const CSS = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1d2430; font-size: 10.5pt; line-height: 1.45; margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 20pt; margin: 0 0 4px; }
h2 { font-size: 14pt; margin: 28px 0 8px; border-bottom: 2px solid #2c5d7c; padding-bottom: 4px; break-after: avoid; }
h3 { font-size: 12pt; margin: 18px 0 6px; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 12px 0 4px; break-after: avoid; }
p { margin: 4px 0 8px; }
.muted { color: #55606e; }
.facts { list-style: none; padding: 0; margin: 12px 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 6px 18px; }
.facts li { border-left: 3px solid #2c5d7c; padding-left: 8px; }
.notice { border: 1px solid #b7791f; background: #fff8e6; padding: 8px 12px; margin: 12px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #c9d1db; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eef2f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.suppressed { color: #55606e; font-style: italic; text-align: center; }
.bar { display: block; }
.grid td { text-align: center; }
.grid td.hot { background: #fde2e1; font-weight: 600; }
.gap { border-top: 1px solid #c9d1db; margin-top: 18px; break-inside: avoid-page; }
.kind { text-transform: uppercase; letter-spacing: 0.04em; font-size: 8.5pt; color: #2c5d7c; margin: 14px 0 0; }
blockquote { margin: 6px 0 10px; padding: 6px 12px; border-left: 3px solid #9aa9b8; background: #f6f8fa; }
.measure { margin: 6px 0 10px; }
.sub { display: block; font-size: 8.5pt; color: #55606e; font-weight: 400; }
th[scope='row'] { white-space: nowrap; }
@media print {
  body { padding: 0; max-width: none; font-size: 9.5pt; }
  table { font-size: 8pt; }
  th, td { padding: 3px 4px; }
  .bar { width: 70px; }
}
.tag { font-size: 8.5pt; border: 1px solid #2c5d7c; border-radius: 3px; padding: 0 4px; margin-left: 6px; color: #2c5d7c; }
`;

export function Shell({ language, title, children }: { language: string; title: string; children: ReactNode }) {
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
