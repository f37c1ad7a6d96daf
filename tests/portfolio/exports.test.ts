/**
 * Every portfolio export read back: the figures match the Portfolio, a
 * suppressed figure is the word (never 0), and no authority's name or uid
 * appears anywhere (HTML text, XLSX cells, CSV, DOCX XML, PDF text).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'node-html-parser';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { portfolioHandlers, portfolioOf } from '../../api/portfolio-handlers.js';
import type { ApiEnvironment } from '../../api/handler-types.js';
import { RegisterError } from '../../db/errors.js';
import { openRegister, closeRegister, type Register } from '../../db/register.js';
import type { PortfolioDocument, PortfolioFormat } from '../../shared/report/formats.js';
import type { Portfolio } from '../../shared/portfolio/types.js';
import { fixedClock, makeTempDir } from '../helpers/temp-register.js';
import { importAuthorities, secretName, secretUid, THREE } from './fixtures.js';

const ENV: ApiEnvironment = { transport: 'browser', version: 'test' };
const SECRETS = [1, 2, 3].flatMap((n) => [secretName(n), secretUid(n), `zorb-${n}-`, 'Zorblaxia']);

let register: Register;
let portfolio: Portfolio;

beforeAll(() => {
  register = openRegister(`${makeTempDir()}/portfolio.sqlite`, { now: fixedClock });
  importAuthorities(register, THREE);
  portfolio = portfolioOf(register);
  return () => closeRegister(register);
});

async function exported(document: PortfolioDocument, format: PortfolioFormat, language = 'en', k?: number): Promise<Buffer> {
  const file = await portfolioHandlers['portfolio.export'](register, { document, format, language: language as 'en', k }, ENV);
  expect(file.fileName).toMatch(new RegExp(`\\.${format}$`));
  return Buffer.from(file.contentBase64, 'base64');
}

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

const allCells = (book: ExcelJS.Workbook) => book.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.slice(1) : [])));

describe('portfolio exports', () => {
  it('HTML: self-contained, figures as in the portfolio, no authority named', async () => {
    const html = (await exported('portfolio', 'html')).toString('utf8');
    expectNoSecret(html);
    const root = parse(html);
    expect(root.querySelectorAll('script, link, img')).toHaveLength(0);
    const row = root.querySelectorAll('tr').find((tr) => tr.querySelector('th')?.text === 'Art. 7.1(b)')!;
    const c = portfolio.criteria.find((x) => x.id === '7.1(b)')!;
    const nums = row.querySelectorAll('td.num').map((td) => td.text);
    // target, population, maturity 0–4, below target, share
    expect(nums.slice(0, 8)).toEqual([c.target, c.population, ...c.distribution, c.belowTarget].map(String));
  });

  it('XLSX: sheets with frozen, filtered headers; counts as numbers; suppressed as the word, never 0', async () => {
    const book = await workbook(await exported('portfolio', 'xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Summary', 'Criteria', 'Flags', 'Families', 'Chain risk']);
    const sheet = book.getWorksheet('Criteria')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const values = sheet.getSheetValues() as unknown[][];
    const row = values.find((r) => Array.isArray(r) && r[2] === 'Art. 7.1(b)')!;
    const c = portfolio.criteria.find((x) => x.id === '7.1(b)')!;
    expect(row.slice(6, 13)).toEqual([c.population, ...c.distribution, c.belowTarget]);
    expect(typeof row[7]).toBe('number');
    const na = values.find((r) => Array.isArray(r) && r[2] === 'Art. 7.2')!;
    expect(na.slice(7, 14)).toEqual(Array(7).fill('suppressed'));
    expectNoSecret(allCells(book).map(String).join('\n'));

    // k = 4 over 3 authorities: every figure suppressed, none written as 0 (only k and the count stay).
    const hidden = await workbook(await exported('portfolio', 'xlsx', 'fr', 4));
    const criteria = hidden.worksheets[1]!.getSheetValues() as unknown[][];
    for (const r of criteria.slice(2)) expect(r.slice(6, 14)).toEqual(Array(8).fill('masqué'));
    const chain = hidden.worksheets[4]!.getSheetValues() as unknown[][];
    for (const r of chain.slice(2)) expect(r.slice(3)).toEqual(Array(6).fill('masqué'));
  });

  it('CSV: UTF-8 with BOM, one figure per row, no authority named', async () => {
    const csv = (await exported('portfolio', 'csv', 'es')).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expectNoSecret(csv);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Sección,Referencia,Título,Autoridades,Indicador,Valor');
    const c = portfolio.criteria.find((x) => x.id === '7.1(b)')!;
    const below = lines.filter((l) => l.startsWith('Criterio,Art. 7.1(b),') && l.includes(',Por debajo de la meta,'));
    expect(below).toHaveLength(1);
    expect(below[0]).toMatch(new RegExp(`,${c.population},Por debajo de la meta,${c.belowTarget}$`));
    const suppressed = (await exported('portfolio', 'csv', 'en', 4)).toString('utf8');
    const figureRows = suppressed.split('\r\n').filter((l) => l.startsWith('Criterion,') || l.startsWith('Chain cell,') || l.startsWith('Family,') || l.startsWith('Flag,'));
    expect(figureRows.length).toBeGreaterThan(100);
    for (const l of figureRows) expect(l).toMatch(/,suppressed$/);
  });

  it('guideline DOCX: headings, figures and measures tied to UNCAC paragraphs, no authority named', async () => {
    const zip = await JSZip.loadAsync(await exported('guideline', 'docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expectNoSecret(xml);
    expect(xml).toContain('Heading2');
    expect(xml).toContain('Most common gaps');
    expect(xml).toMatch(/\d of 3 authorit(y|ies) (is|are) below the target maturity/);
    expect(xml).toContain('Each State Party shall');
    expect(xml).toContain('Recommended measures');
  });

  it('guideline HTML and both PDFs carry no authority name', async () => {
    const html = (await exported('guideline', 'html', 'fr')).toString('utf8');
    expectNoSecret(html);
    expect(parse(html).querySelectorAll('section.gap').length).toBeGreaterThan(0);
    for (const document of ['portfolio', 'guideline'] as const) {
      const pdf = await exported(document, 'pdf');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const parser = new PDFParse({ data: new Uint8Array(pdf) });
      const text = await parser.getText();
      await parser.destroy();
      expect(text.total).toBeGreaterThanOrEqual(1);
      expect(text.text).toContain(document === 'portfolio' ? 'Portfolio of CITES Management Authorities' : 'Draft integrity guideline');
      expectNoSecret(text.text);
    }
  });

  it('refuses a document in a format it does not come in', async () => {
    for (const [document, format] of [['portfolio', 'docx'], ['guideline', 'xlsx'], ['guideline', 'csv']] as const) {
      await expect(exported(document, format)).rejects.toSatisfy((e: unknown) => e instanceof RegisterError && e.code === 'invalid' && e.message.includes(format.toUpperCase()));
    }
  });
});
