/**
 * The report's CSS, as strings so they can be inlined: the exported HTML must
 * load nothing. REPORT_CSS is scoped to .pi-report so the in-app preview can
 * adopt it without touching the app's own styles; PAGE_CSS styles the
 * standalone document (body, A4 page box) and is used by render.ts only.
 * Fonts are generic families: nothing is downloaded or embedded by hand.
 */
export const REPORT_CSS = `
.pi-report { --ink: #1d232c; --muted: #4b5563; --rule: #c8ccd2; --soft: #f3f5f7; --accent: #1f4e79;
  color: var(--ink); font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.4;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.pi-report * { box-sizing: border-box; }
.pi-report h1 { font-size: 24pt; line-height: 1.15; margin: 0 0 8mm; color: var(--accent); }
.pi-report h2 { font-size: 15pt; margin: 0 0 4mm; padding-bottom: 1.5mm; border-bottom: 1.5pt solid var(--accent); color: var(--accent); }
.pi-report h3 { font-size: 11.5pt; margin: 5mm 0 2mm; }
.pi-report h4 { font-size: 10.5pt; margin: 0 0 1.5mm; }
.pi-report p { margin: 0 0 2mm; }
.pi-report .muted { color: var(--muted); }
.pi-report .small { font-size: 8.5pt; }
.pi-report .block { display: block; }
.pi-report .visually-hidden { position: absolute; top: 0; left: 0; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.pi-report .nowrap { white-space: nowrap; }
.pi-report .label { font-weight: bold; margin: 2.5mm 0 1mm; }
.pi-report table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; font-size: 9pt; }
.pi-report caption { text-align: left; font-weight: bold; padding: 0 0 1mm; }
.pi-report th, .pi-report td { border: 0.5pt solid var(--rule); padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
.pi-report thead th { background: #e4e9ef; }
.pi-report tbody th { font-weight: normal; }
.pi-report .num { text-align: right; font-variant-numeric: tabular-nums; }
.pi-report .hash, .pi-report .digest { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; }
.pi-report .hash { font-size: 7pt; word-break: break-all; }
.pi-report th.hash-col { width: 47mm; }

.pi-report .cover { padding-top: 16mm; }
.pi-report .kicker { text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-size: 9pt; margin-bottom: 4mm; }
.pi-report .cover-authority { font-size: 17pt; font-weight: bold; margin: 0 0 8mm; }
.pi-report .cover-fields { display: grid; grid-template-columns: 48mm 1fr; gap: 1.8mm 4mm; margin: 0 0 8mm; font-size: 11pt; }
.pi-report .cover-fields dt { color: var(--muted); }
.pi-report .cover-fields dd { margin: 0; }
.pi-report .cover-framework { display: block; }
.pi-report .status { font-weight: bold; text-transform: uppercase; letter-spacing: 0.03em; }
.pi-report .digest-box { border: 1pt solid var(--accent); background: #eef3f8; padding: 4mm 5mm; margin: 0 0 8mm; }
.pi-report .digest-label { font-weight: bold; }
.pi-report .digest { font-size: 9.6pt; white-space: nowrap; margin: 1mm 0 2mm; }
.pi-report .digest-note { font-size: 8.5pt; color: var(--muted); margin: 0; }
.pi-report .cover-fields .anchor { font-size: 8.4pt; overflow-wrap: anywhere; align-self: center; }
.pi-report .cover-fields .anchor-note { grid-column: 2; font-size: 8.5pt; color: var(--muted); margin-top: -1mm; }
.pi-report .draft-note { border: 1pt solid #a86b00; background: #fdf3d6; padding: 3mm 4mm; margin: 0 0 8mm; }
.pi-report .contents-title { font-weight: bold; margin-bottom: 1mm; }
.pi-report .contents ol { margin: 0; padding-left: 6mm; }

.pi-report .summary-top { display: grid; grid-template-columns: 1fr 44mm; gap: 5mm; align-items: start; }
.pi-report .scores .big { font-size: 16pt; font-weight: bold; }
.pi-report .scores tr.overall td:nth-child(2) { white-space: nowrap; }
.pi-report .scores tr.overall th { font-weight: bold; }
.pi-report .flag-counts ul { list-style: none; margin: 0 0 1mm; padding: 0; }
.pi-report .flag-counts li { display: flex; justify-content: space-between; margin-bottom: 1mm; padding: 1mm 2mm; }
.pi-report .sev { display: inline-block; padding: 0 1.4mm; border: 0.6pt solid; border-radius: 1mm; font-size: 8.5pt; font-weight: bold; white-space: nowrap; }
.pi-report .sev-critical { color: #7f1515; background: #fbe5e5; }
.pi-report .sev-high { color: #8a2f06; background: #fdebdc; }
.pi-report .sev-medium { color: #6b4500; background: #fdf3d6; }
.pi-report .sev-low { color: #23436e; background: #e6eef8; }
.pi-report .flag-counts li.sev { display: flex; font-size: 10pt; }
.pi-report .top-gaps td:first-child { width: 20mm; }

.pi-report .chart { margin: 0 0 3mm; }
.pi-report .chart svg { display: block; max-width: 100%; height: auto; }
.pi-report .chart figcaption { font-size: 8.5pt; color: var(--muted); }
.pi-report .legend { list-style: none; margin: 1mm 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1mm 5mm; }
.pi-report .legend li { display: inline-flex; align-items: center; gap: 1.5mm; }

.pi-report .heatmap { table-layout: fixed; font-size: 8pt; }
.pi-report .heatmap th, .pi-report .heatmap td { padding: 1mm; }
.pi-report .heatmap thead th { font-size: 7.5pt; }
.pi-report .heatmap tbody th { width: 26mm; }
.pi-report .heatmap td { text-align: center; }
.pi-report .heatmap .cell-value { display: block; font-weight: bold; white-space: nowrap; }
.pi-report .heatmap .cell-band { display: block; font-size: 7pt; }
.pi-report .band-low { background: #e3f1e3; }
.pi-report .band-medium { background: #fbefc4; }
.pi-report .band-high { background: #f9d3b4; }
.pi-report .band-critical { background: #f0b8b8; }
.pi-report .band-word { padding: 0 1.2mm; }

.pi-report .quality-group ul { margin: 0 0 2mm; padding-left: 5mm; }
.pi-report .quality-none { border: 1pt solid #3d7a3d; background: #e3f1e3; padding: 3mm 4mm; }

.pi-report .article > h3 { margin-top: 6mm; }
.pi-report .criterion { border-top: 1pt solid var(--rule); padding-top: 3mm; margin-top: 3mm; }
.pi-report .criterion.not-applicable h4 { color: var(--muted); }
.pi-report .facts { width: auto; min-width: 60%; }
.pi-report .facts th { color: var(--muted); white-space: nowrap; }
.pi-report .below { color: #8a2f06; }
.pi-report .justification, .pi-report .notes { background: var(--soft); padding: 1.5mm 2.5mm; }
.pi-report blockquote { margin: 0 0 2mm; padding: 1.5mm 3mm; border-left: 2pt solid var(--rule); font-family: "Liberation Serif", Georgia, "DejaVu Serif", serif; font-size: 9.5pt; }
.pi-report .treaty-note { font-weight: normal; color: var(--muted); }
.pi-report ul.evidence, .pi-report ul.flags { margin: 0 0 2mm; padding-left: 5mm; }
.pi-report .invalid { font-weight: bold; color: #8a2f06; }

.pi-report .action-plan { font-size: 8.5pt; }
.pi-report .action-plan .families { display: block; color: var(--muted); margin-top: 1mm; }
.pi-report .action-plan th.fill, .pi-report .action-plan td.fill { width: 20mm; }
.pi-report .audit .change { word-break: break-word; }
.pi-report .scale { width: auto; }

@media screen {
  .pi-report .major { margin-top: 12mm; }
}
@media print {
  .pi-report .cover { break-after: page; }
  .pi-report .major { break-before: page; }
  .pi-report thead { display: table-header-group; }
  .pi-report tfoot { display: table-footer-group; }
  .pi-report tr, .pi-report li, .pi-report blockquote, .pi-report figure { break-inside: avoid; }
  .pi-report h2, .pi-report h3, .pi-report h4, .pi-report .label { break-after: avoid; }
  .pi-report .keep, .pi-report .criterion-head, .pi-report .summary-top { break-inside: avoid; }
  .pi-report p { orphans: 3; widows: 3; }
}
`;

/** The standalone document: A4 page box with margins matching the PDF printer's, and a page-like screen view. */
export const PAGE_CSS = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
html { background: #e9ecef; }
body { margin: 0; }
.pi-report { background: #fff; max-width: 210mm; margin: 0 auto; padding: 14mm 15mm; }
@media print {
  html { background: none; }
  .pi-report { max-width: none; padding: 0; margin: 0; }
}
html.for-print { background: none; }
html.for-print .pi-report { max-width: none; padding: 0; margin: 0; }
`;
