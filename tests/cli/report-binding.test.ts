/** Issue 9: an edited report no longer verifies; the file's SHA-256 is bound by a signed sidecar and the audit log. */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfBrowser, htmlToPdf } from '../../exports/pdf.js';
import { assertCliBuilt, runCli, runOk } from '../helpers/cli.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
beforeAll(() => assertCliBuilt());
afterAll(closePdfBrowser);

type Format = 'html' | 'csv' | 'xlsx' | 'docx' | 'pdf';

function exported(format: Format, extra: string[] = []): { db: string; report: string; pkg: string } {
  const db = temp.path('demo.sqlite');
  runOk(['demo', '--db', db]);
  const dir = temp.dir();
  const report = join(dir, `baseline.${format}`);
  const run = runOk(['report', '--db', db, '--assessment', '1', '--format', format, '--out', report, '--actor', 'Ana Assessor', ...extra]);
  expect(run.stdout).toContain('recorded in the audit log');
  const pkg = join(dir, 'package.json');
  runOk(['export', '--db', db, '--authority', '1', '--out', pkg]);
  return { db, report, pkg };
}

describe('verify --report binds the whole file', () => {
  it('an untouched report matches, against the register and against the package', () => {
    const { db, report, pkg } = exported('html');
    const manifest = JSON.parse(readFileSync(`${report}.sig.json`, 'utf8'));
    expect(manifest).toMatchObject({ format: 'permit-integrity/report-manifest', file: 'baseline.html', exportedBy: 'Ana Assessor', signature: expect.stringMatching(/^[0-9a-f]{128}$/) });
    const fromDb = runOk(['verify', db, '--report', report]);
    expect(fromDb.stdout).toContain('exactly the one exported');
    expect(fromDb.stdout).toContain("in the register's audit log");
    expect(fromDb.stdout).toContain('Manifest signature valid');
    expect(runOk(['verify', pkg, '--report', report]).stdout).toContain('exactly the one exported');
  });

  it('the overall score changed in the HTML (digest untouched) no longer verifies', () => {
    const { db, report, pkg } = exported('html');
    const html = readFileSync(report, 'utf8');
    const score = /\b(\d{1,2}\.\d)\b/.exec(html.slice(html.indexOf('<body')))![1]!;
    writeFileSync(report, html.replace(score, '94.4'));
    for (const source of [db, pkg]) {
      const run = runCli(['verify', source, '--report', report]);
      expect(run.status, source).toBe(1);
      expect(run.stdout).toContain('CHANGED after export');
    }
    // Without the sidecar, the register's log still knows the true file's hash.
    rmSync(`${report}.sig.json`);
    const noSidecar = runCli(['verify', db, '--report', report]);
    expect(noSidecar.status).toBe(1);
    expect(noSidecar.stdout).toContain("NOT in the register's audit log");
  });

  it('reads the HTML figures back and names every difference, even with no sidecar and only a package', () => {
    const { report, pkg } = exported('html');
    rmSync(`${report}.sig.json`);
    expect(runOk(['verify', pkg, '--report', report]).stdout).toContain('scores, criterion maturities and flag counts match');
    const html = readFileSync(report, 'utf8')
      .replace(/(data-field="overall-score">)[^<]*/, '$194.4')
      .replace(/(data-field="flags-critical">[\s\S]*?<strong>)\d+/, '$10');
    writeFileSync(report, html);
    const run = runCli(['verify', pkg, '--report', report]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('overall-score: the report shows 94.4');
    expect(run.stdout).toContain('flags-critical: the report shows');
  });

  it('a forged sidecar (hash replaced to match the edited file) fails on its signature', () => {
    const { pkg, report } = exported('csv');
    const edited = readFileSync(report, 'utf8').replace(',Yes,2,,2,No,', ',Yes,4,,4,Yes,');
    expect(edited).not.toBe(readFileSync(report, 'utf8'));
    writeFileSync(report, edited);
    const manifest = JSON.parse(readFileSync(`${report}.sig.json`, 'utf8'));
    manifest.sha256 = createHash('sha256').update(readFileSync(report)).digest('hex');
    writeFileSync(`${report}.sig.json`, JSON.stringify(manifest));
    const run = runCli(['verify', pkg, '--report', report]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Manifest signature INVALID');
  });
});

/** The demo baseline's figures, as the locked snapshot gives them. */
const OVERALL = '44.4';

/** Runs verify and expects it to fail, naming each difference given. */
function refused(source: string, report: string, differences: string[]): string {
  const run = runCli(['verify', source, '--report', report]);
  expect(run.status, run.stdout + run.stderr).toBe(1);
  expect(run.stdout).toContain("The report's figures DIFFER from the locked assessment");
  for (const difference of differences) expect(run.stdout).toContain(difference);
  return run.stdout;
}

/**
 * An untouched report verifies against the register, and against the package
 * alone without its sidecar (a CSV table that prints no digest needs the sidecar for it).
 */
function untouchedPasses(db: string, pkg: string, report: string, figures: string, options: { printsDigest?: boolean } = {}): void {
  expect(runOk(['verify', db, '--report', report]).stdout).toContain('exactly the one exported');
  const bare = `${report}.bare${report.slice(report.lastIndexOf('.'))}`;
  writeFileSync(bare, readFileSync(report));
  const alone = runOk(['verify', pkg, '--report', options.printsDigest === false ? report : bare]).stdout;
  expect(alone).toContain(`${figures} match the locked assessment`);
  rmSync(bare);
}

describe('verify --report reads the figures back from XLSX, DOCX, CSV and PDF', () => {
  it('XLSX: a cell changed with exceljs and saved again is named, with and without the sidecar', { timeout: 240_000 }, async () => {
    const { db, pkg, report } = exported('xlsx');
    untouchedPasses(db, pkg, report, 'scores, criterion maturities and flag counts');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report);
    const rowOf = (sheet: ExcelJS.Worksheet, first: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => void (row.getCell(1).value === first && (found = row)));
      return found!;
    };
    const summary = workbook.getWorksheet('Summary')!;
    expect(Number(rowOf(summary, 'Overall score (0–100)').getCell(2).value).toFixed(1)).toBe(OVERALL);
    rowOf(summary, 'Overall score (0–100)').getCell(2).value = 94.4;
    rowOf(workbook.getWorksheet('Criteria')!, 'Art. 12.2(e)').getCell(10).value = 3;
    await workbook.xlsx.writeFile(report);
    const out = refused(pkg, report, [
      `overall-score (sheet "Summary"): the report shows 94.4, the locked assessment gives ${OVERALL}`,
      'criterion-12.2(e) (sheet "Criteria"): the report shows 3, the locked assessment gives 0',
    ]);
    expect(out).toContain('CHANGED after export');
    rmSync(`${report}.sig.json`);
    refused(pkg, report, ['overall-score (sheet "Summary"): the report shows 94.4']);
    refused(db, report, ["NOT in the register's audit log", 'criterion-12.2(e)']);
  });

  it('DOCX: the XML edited inside the zip (a score changed, a critical finding removed) is named', { timeout: 240_000 }, async () => {
    const { db, pkg, report } = exported('docx');
    untouchedPasses(db, pkg, report, 'scores, criterion maturities and flag counts');
    const zip = await JSZip.loadAsync(readFileSync(report));
    let xml = await zip.file('word/document.xml')!.async('string');
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    const figures = tables.find((t) => t.includes('Overall score (0–100)'))!;
    xml = xml.replace(figures, figures.replace(`>${OVERALL}<`, '>94.4<'));
    // The plan's first critical finding, deleted as a whole table row: the plan now hides one.
    const plan = tables.find((t) => t.includes('>Due date<'))!;
    const critical = plan.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g)!.find((row) => row.includes('>Critical<'))!;
    xml = xml.replace(critical, '');
    zip.file('word/document.xml', xml);
    writeFileSync(report, await zip.generateAsync({ type: 'nodebuffer' }));
    rmSync(`${report}.sig.json`);
    refused(pkg, report, [
      `overall-score (table 1): the report shows 94.4, the locked assessment gives ${OVERALL}`,
      'flags-critical (table 2, rows by severity): the report shows 1, the locked assessment gives 2',
    ]);
  });

  it('CSV: a maturity edited in the criteria table, or a score in the summary table, is named', { timeout: 240_000 }, () => {
    const { db, pkg, report } = exported('csv');
    untouchedPasses(db, pkg, report, 'criterion maturities', { printsDigest: false });
    writeFileSync(report, readFileSync(report, 'utf8').replace(/^(Art\. 7\.1\(a\),(?:[^,]*,){8})2,/m, '$14,'));
    refused(pkg, report, ['criterion-7.1(a) (the CSV file): the report shows 4, the locked assessment gives 2', 'CHANGED after export']);

    const summary = exported('csv', ['--table', 'summary']);
    untouchedPasses(summary.db, summary.pkg, summary.report, 'scores and flag counts');
    writeFileSync(summary.report, readFileSync(summary.report, 'utf8').replace(`Overall score (0–100),${OVERALL}`, 'Overall score (0–100),94.4').replace('Flags: Critical,2', 'Flags: Critical,0'));
    rmSync(`${summary.report}.sig.json`);
    refused(summary.pkg, summary.report, ['overall-score (the CSV file): the report shows 94.4', 'flags-critical (the CSV file): the report shows 0, the locked assessment gives 2']);

    // The evidence table lists file hashes shaped like a digest: the digest is taken from the sidecar, not from them.
    const evidence = exported('csv', ['--table', 'evidence']);
    const run = runOk(['verify', evidence.pkg, '--report', evidence.report]).stdout;
    expect(run).toContain('matches locked assessment demo-assessment-2025');
    expect(run).toContain('this evidence table prints no score, maturity or flag count');
  });

  it('PDF: a flipped byte fails on the hash; a PDF printed again with changed figures fails on its text', { timeout: 480_000 }, async () => {
    const { db, pkg, report } = exported('pdf');
    untouchedPasses(db, pkg, report, 'scores, criterion maturities and flag counts');
    const bytes = readFileSync(report);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(report, bytes);
    for (const source of [db, pkg]) {
      const run = runCli(['verify', source, '--report', report]);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('CHANGED after export');
    }
    expect(runCli(['verify', db, '--report', report]).stdout).toContain("NOT in the register's audit log");

    // The forger's route around the hash: take the HTML report, change figures, print it to PDF, drop the sidecar.
    const html = exported('html');
    const forged = readFileSync(html.report, 'utf8')
      .replace(/(data-field="overall-score">)[^<]*/, '$194.4')
      .replace(/(data-field="flags-critical">[\s\S]*?<strong>)\d+/, '$10');
    const pdf = join(temp.dir(), 'forged.pdf');
    writeFileSync(pdf, await htmlToPdf(forged));
    refused(html.pkg, pdf, [
      'overall-score (executive summary): the report shows 94.4, the locked assessment gives 44.4',
      'flags-critical (executive summary): the report shows 0, the locked assessment gives 2',
    ]);
  });
});

describe('verify-audit --report reads the head printed in the report itself', () => {
  it('in every format without a sidecar, detects the end of the log cut off, and refuses a head that disagrees with the sidecar', { timeout: 480_000 }, () => {
    const db = temp.path('demo.sqlite');
    runOk(['demo', '--db', db]);
    const dir = temp.dir();
    const reports = (['html', 'xlsx', 'docx', 'pdf', 'csv'] as const).map((format) => {
      const report = join(dir, `baseline.${format}`);
      runOk(['report', '--db', db, '--assessment', '1', '--format', format, ...(format === 'csv' ? ['--table', 'summary'] : []), '--out', report]);
      const head = (JSON.parse(readFileSync(`${report}.sig.json`, 'utf8')) as { auditHead: string }).auditHead;
      rmSync(`${report}.sig.json`);
      return { format, report, head };
    });
    for (const { format, report, head } of reports) {
      const run = runOk(['verify-audit', '--db', db, '--report', report]);
      expect(run.stdout, format).toContain(`Head ${head} is still in the log`);
    }
    // A CSV table other than the summary has no room for the head: without its sidecar it cannot give one.
    const criteria = join(dir, 'criteria.csv');
    runOk(['report', '--db', db, '--assessment', '1', '--format', 'csv', '--out', criteria]);
    expect(runOk(['verify-audit', '--db', db, '--report', criteria]).stdout).toContain('is still in the log');
    rmSync(`${criteria}.sig.json`);
    expect(runCli(['verify-audit', '--db', db, '--report', criteria]).stderr).toContain('in the sidecar only');

    const tamper = new Database(db);
    tamper.exec('DROP TRIGGER audit_log_no_delete');
    // Cut the export rows of the criteria CSV, the summary CSV, the PDF and the DOCX: the heads the PDF and the summary CSV print are gone.
    tamper.exec('DELETE FROM audit_log WHERE id >= (SELECT max(id) - 3 FROM audit_log)');
    tamper.close();
    for (const { format, report } of reports.slice(-2)) {
      const run = runCli(['verify-audit', '--db', db, '--report', report]);
      expect(run.status, format).toBe(1);
      expect(run.stdout, format).toContain('TRUNCATED');
    }

    const html = reports[0]!.report;
    writeFileSync(`${html}.sig.json`, JSON.stringify({ auditHead: `1:${'0'.repeat(64)}` }));
    const disagree = runCli(['verify-audit', '--db', db, '--report', html]);
    expect(disagree.status).toBe(1);
    expect(disagree.stderr).toContain('one of them was changed');
  });
});
