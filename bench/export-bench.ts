import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { portfolioOf } from '../api/portfolio-handlers.js';
import { reportData } from '../api/report-handlers.js';
import { createDemo } from '../db/demo.js';
import { registerLibrary } from '../db/frameworks.js';
import { importPackage } from '../db/package-import.js';
import { closeRegister, openRegister, type Register } from '../db/register.js';
import { CHROMIUM_ARGS, chromiumPath, closePdfBrowser, pdfBrowserStatus, pdfPrintOptions } from '../exports/pdf.js';
import { exportPortfolio } from '../exports/portfolio-export.js';
import { exportReport } from '../exports/report-export.js';
import { buildReportXlsx } from '../exports/xlsx.js';
import { renderReportHtml } from '../report/render.js';
import { REPORT_TABLES } from '../shared/report/formats.js';
import { reportTables } from '../shared/report/tables.js';
import { ms, record, recordLimit, recordRatio, sideBySide, timeOf } from './harness.js';
import { syntheticPackage } from './synthetic.js';

const BIG = 10_000;
/** Size of the side-by-side format comparisons: large enough to weigh, small enough for 5+ rounds each. */
const MEDIUM = 2_000;
const RATIO_ROUNDS = 5;

function registerWith(folder: string, name: string, controls: number): { register: Register; id: number } {
  const register = openRegister(join(folder, name));
  importPackage(register, syntheticPackage(0, controls));
  const { id } = register.db.prepare('SELECT id FROM assessments LIMIT 1').get() as { id: number };
  return { register, id };
}

/** The same sheets, rows and cells as the report workbook, written with exceljs and nothing else. */
async function rawExcelJs(tables: ReturnType<typeof reportTables>): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  for (const id of REPORT_TABLES) {
    const sheet = workbook.addWorksheet(id);
    sheet.addRow(tables[id].headers);
    sheet.addRows(tables[id].rows);
  }
  return (await workbook.xlsx.writeBuffer()).byteLength;
}

/** Report exports: a 10,000-control PDF, XLSX and PDF against their libraries' bare cost, demo and portfolio figures. */
export async function exportBench(folder: string): Promise<void> {
  console.log(`\nExports: PDF at ${BIG} controls; XLSX and PDF at ${MEDIUM} controls side by side with exceljs and Chromium alone`);

  // 1. The PDF of a 10,000-control assessment, as a user asks for it: load, summarise, render, print (Chromium cold).
  const big = registerWith(folder, 'export-big.sqlite', BIG);
  await closePdfBrowser();
  let started = performance.now();
  const pdf = await exportReport(reportData(big.register, big.id, 'summary'), 'pdf', 'en');
  const cold = performance.now() - started;
  started = performance.now();
  await exportReport(reportData(big.register, big.id, 'summary'), 'pdf', 'en');
  const warm = performance.now() - started;
  const size = JSON.stringify(reportData(big.register, big.id, 'summary')).length;
  recordLimit(`PDF of a ${BIG}-control assessment (load + render + print, Chromium started cold)`, cold / 1000, 's', 30, `(${(pdf.bytes.byteLength / 2 ** 20).toFixed(2)} MB PDF; ${(warm / 1000).toFixed(1)} s with Chromium warm)`);
  record({ measure: `ReportData at ${BIG} controls (what the Reports preview receives)`, subject: `${(size / 1024).toFixed(0)} KB of JSON`, baseline: '—', ratio: '—', goal: '—', pass: null });
  closeRegister(big.register);

  // 2. XLSX: the report workbook against exceljs writing the same cells with no styling or sizing.
  const medium = registerWith(folder, 'export-medium.sqlite', MEDIUM);
  const complete = reportData(medium.register, medium.id, 'complete');
  const tables = reportTables(complete, 'en');
  const xlsx = await sideBySide(() => rawExcelJs(tables), () => buildReportXlsx(complete, 'en'), RATIO_ROUNDS);
  recordRatio(`XLSX report at ${MEDIUM} controls (every row)`, xlsx, 'exceljs writing the same sheets, rows and cells', 1.5);

  // 3. PDF: the export (render + print on the warm browser) against a plain page.pdf of the same HTML.
  const summary = reportData(medium.register, medium.id, 'summary');
  const html = renderReportHtml(summary, 'en', { forPrint: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const plainPrint = async () => {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      // The same print (A4, margins, page-number footer): what is measured is everything around it.
      await page.pdf(pdfPrintOptions(html));
      await page.close();
    };
    const launches = pdfBrowserStatus().launches;
    const pdfRatio = await sideBySide(plainPrint, () => exportReport(summary, 'pdf', 'en'), RATIO_ROUNDS);
    const relaunched = pdfBrowserStatus().launches - launches;
    recordRatio(`PDF report at ${MEDIUM} controls (render + print)`, pdfRatio, 'Chromium page.pdf of the same HTML with the same print settings, browser already open', 1.5, `Chromium started ${relaunched} time(s) for ${2 * RATIO_ROUNDS + 1} exports`);
  } finally {
    await browser.close();
  }
  closeRegister(medium.register);

  // 4. Figures for the demo and a 200-authority portfolio (information, no goal).
  const demo = openRegister(join(folder, 'export-demo.sqlite'));
  createDemo(demo);
  const demoPdf = await timeOf(() => exportReport(reportData(demo, 2), 'pdf', 'en'), 5);
  record({ measure: 'demo assessment: load + PDF (warm Chromium)', subject: ms(demoPdf), baseline: '—', ratio: '—', goal: '—', pass: null });
  const demoXlsx = await timeOf(() => exportReport(reportData(demo, 2, 'complete'), 'xlsx', 'en'), 5);
  record({ measure: 'demo assessment: load + XLSX', subject: ms(demoXlsx), baseline: '—', ratio: '—', goal: '—', pass: null });
  closeRegister(demo);

  const pool = openRegister(join(folder, 'export-portfolio.sqlite'));
  for (let i = 0; i < 200; i++) importPackage(pool, syntheticPackage(i, 40));
  const library = registerLibrary(pool);
  const libraryInfo = { frameworks: [...library.frameworks.values()], families: [...library.families.values()] };
  const pooled = await timeOf(() => portfolioOf(pool), 5);
  record({ measure: '200 authorities: pool the portfolio (load + score all)', subject: ms(pooled), baseline: '—', ratio: '—', goal: '—', pass: null });
  const portfolio = portfolioOf(pool);
  const portfolioPdf = await timeOf(() => exportPortfolio(portfolio, libraryInfo, { document: 'portfolio', format: 'pdf', language: 'en' }), 5);
  record({ measure: '200 authorities: portfolio PDF (warm Chromium)', subject: ms(portfolioPdf), baseline: '—', ratio: '—', goal: '—', pass: null });
  const portfolioXlsx = await timeOf(() => exportPortfolio(portfolio, libraryInfo, { document: 'portfolio', format: 'xlsx', language: 'en' }), 5);
  record({ measure: '200 authorities: portfolio XLSX', subject: ms(portfolioXlsx), baseline: '—', ratio: '—', goal: '—', pass: null });
  closeRegister(pool);
  await closePdfBrowser();
}
