import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.js';
import { createAuthority } from '../../db/authorities.js';
import { importPermitFiles } from '../../db/permits/import.js';
import type { Register } from '../../db/register.js';
import type { ApiResult } from '../../shared/api/methods.js';
import type { PermitCharts, PermitFlagPage, PermitRecordsPage } from '../../shared/permits/summaries.js';
import type { ExportedFile } from '../../shared/report/formats.js';
import { tradeLine } from '../../tools/permit-generator/csv.js';
import { generatePermitData } from '../../tools/permit-generator/index.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { MAPPING, TRADE_HEADER_LINE, writeGenerated } from '../permits/files.js';

const temp = useTempRegisters();
const env = { transport: 'browser' as const, version: 'test' };

function ok<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const FORMULA_TAXON = '=HYPERLINK("http://example.org","x")';
const FORMULA_APPLICANT = '@SUM(1+1)';

/**
 * A register with generated trade lines and a generated register, names kept
 * (not pseudonymised) so people can be looked for in every answer. One
 * out-of-hours permit carries a formula as its taxon and applicant.
 */
async function analysedRegister() {
  const register = temp.open();
  const authority = createAuthority(register, { name: 'Views MA', country: 'Testland', level: 'national', notes: '' });
  const data = generatePermitData({ seed: 21, tradeRows: 4_000, registerRows: 3_000, anomalies: true });
  const marked = data.planted.find((p) => p.kind === 'out-of-hours')!.permit;
  const target = data.register.find((p) => p.number === marked)!;
  target.taxon = FORMULA_TAXON;
  target.applicant = FORMULA_APPLICANT;
  // The generator plants no replacements: one endorsed permit gets one, issued before the endorsement.
  const replaced = data.register.find((p) => p.endorsedAt !== null && p.status !== 'cancelled' && p.number !== marked)!;
  data.register.push({ ...replaced, number: 'REPL-1', replaces: replaced.number, status: 'issued', endorsedAt: null, endorsedQuantity: null, endorsingOfficer: null });
  const files = writeGenerated(temp.dir(), data);
  await importPermitFiles(register, { authorityId: authority.id, format: 'trade-db', paths: [files.tradeDir] });
  await importPermitFiles(register, { authorityId: authority.id, format: 'register', paths: [files.register], mapping: MAPPING, pseudonymise: false });
  await importPermitFiles(register, { authorityId: authority.id, format: 'quotas', paths: [files.quotas] });
  ok(await dispatch(register, env, 'permits.analyse', { authorityId: authority.id }));
  return { register, authorityId: authority.id, data, marked };
}

const flagsOf = async (register: Register, input: Record<string, unknown>) => ok<PermitFlagPage>(await dispatch(register, env, 'permits.flags', { limit: 100_000, ...input }));

describe('permit analysis views over the API', () => {
  it('gives the officer-concentration and source-share chart data, without people unless asked', async () => {
    const { register, authorityId, data } = await analysedRegister();
    const charts = ok<PermitCharts>(await dispatch(register, env, 'permits.charts', { authorityId }));
    const officers = new Set(data.register.map((p) => p.officer));
    expect(charts.officers.length).toBe(officers.size);
    expect(charts.officers.every((o, i) => o.officer === null && o.rank === i + 1)).toBe(true);
    expect(charts.officers.reduce((s, o) => s + o.permits, 0)).toBe(data.register.length);
    expect(charts.officers.reduce((s, o) => s + o.sharePercent, 0)).toBeCloseTo(100, 0);
    expect(charts.officers.map((o) => o.hhi)).toEqual([...charts.officers.map((o) => o.hhi)].sort((a, b) => b - a));
    const named = ok<PermitCharts>(await dispatch(register, env, 'permits.charts', { authorityId, withPeople: true }));
    expect(new Set(named.officers.map((o) => o.officer))).toEqual(officers);

    // The shares count exporter-reported lines per year, as the source-shift rule does.
    const exported = data.trade.filter((r) => r.reporter === 'E');
    expect(charts.sources.captiveSources).toEqual(['C', 'D', 'F', 'R']);
    expect(charts.sources.exporters).toEqual([...new Set(exported.map((r) => r.exporter))].sort());
    const years = [...new Set(exported.map((r) => r.year))].sort();
    expect(charts.sources.years.map((y) => y.year)).toEqual(years);
    for (const y of charts.sources.years) {
      const lines = exported.filter((r) => r.year === y.year);
      expect(y.lines).toBe(lines.length);
      expect(y.counts.wild).toBe(lines.filter((r) => r.source === 'W').length);
      expect(y.counts.captive).toBe(lines.filter((r) => ['C', 'D', 'F', 'R'].includes(r.source)).length);
    }
    // One exporter and part of a taxon name.
    const lane = exported[0]!;
    const part = lane.taxon.split(' ')[1]!.toUpperCase();
    const one = ok<PermitCharts>(await dispatch(register, env, 'permits.charts', { authorityId, exporter: lane.exporter, taxon: part }));
    const laneLines = exported.filter((r) => r.exporter === lane.exporter && r.taxon.toUpperCase().includes(part));
    expect(one.sources.years.reduce((s, y) => s + y.lines, 0)).toBe(laneLines.length);

    // Counts are kept between calls only while nothing is written: another import shows at once.
    const before = ok<PermitCharts>(await dispatch(register, env, 'permits.charts', { authorityId, withPeople: true }));
    expect(before.sources.years).toEqual(charts.sources.years);
    const extra = join(temp.dir(), 'extra.csv');
    writeFileSync(extra, `${TRADE_HEADER_LINE}\n${tradeLine({ ...lane, id: 'extra-1', year: 2001, source: 'W' })}\n`);
    await importPermitFiles(register, { authorityId, format: 'trade-db', paths: [extra] });
    const after = ok<PermitCharts>(await dispatch(register, env, 'permits.charts', { authorityId }));
    expect(after.sources.years[0]).toEqual({ year: 2001, lines: 1, counts: { wild: 1, captive: 0, other: 0 }, shares: { wild: 100, captive: 0, other: 0 } });

    const refused = await dispatch(register, env, 'permits.charts', { authorityId, exporter: 7 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!refused.ok && refused.error.message).toContain('exporter');
  });

  it('opens the records behind trade and register flags, pages them, and blanks people', async () => {
    const { register, authorityId, data } = await analysedRegister();
    const all = await flagsOf(register, { authorityId, withPeople: true });
    const names = new Set(data.register.flatMap((p) => [p.officer, p.applicant, p.endorsingOfficer ?? '']).filter(Boolean));

    // A reporting mismatch: the lines of both reporters under the export permit.
    const mismatch = all.flags.find((f) => f.kind === 'reporting-mismatch')!;
    const lines = data.trade.filter((r) => r.exportPermit === mismatch.permit);
    const records = ok<PermitRecordsPage>(await dispatch(register, env, 'permits.records', { authorityId, flagId: mismatch.id }));
    expect(records.total).toBe(lines.length);
    expect(records.trade.map((r) => r.id).sort()).toEqual(lines.map((r) => r.id).sort());
    expect(new Set(records.trade.map((r) => r.reporter))).toEqual(new Set(['E', 'I']));
    expect(records.trade[0]!.reporter).toBe('E');
    const firstPage = ok<PermitRecordsPage>(await dispatch(register, env, 'permits.records', { authorityId, flagId: mismatch.id, limit: 1 }));
    const secondPage = ok<PermitRecordsPage>(await dispatch(register, env, 'permits.records', { authorityId, flagId: mismatch.id, limit: 1, offset: 1 }));
    expect([firstPage.trade.length, secondPage.trade.length, firstPage.total]).toEqual([1, 1, lines.length]);
    expect(secondPage.trade[0]!.id).toBe(records.trade[1]!.id);

    // A gap in a series: the flagged permit and the one before the gap.
    const gap = all.flags.find((f) => f.kind === 'number-series' && f.details.rule === 'gap')!;
    const gapRecords = ok<PermitRecordsPage>(await dispatch(register, env, 'permits.records', { authorityId, flagId: gap.id }));
    expect(gapRecords.register.map((r) => [r.role, r.permit.number])).toEqual([
      ['flagged', gap.permit],
      ['series-previous', gap.details.after],
    ]);
    // A permit used after it was replaced: the replacement comes with it.
    const dead = all.flags.find((f) => f.kind === 'dead-permit-used' && typeof f.details.replacedBy === 'string')!;
    const deadRecords = ok<PermitRecordsPage>(await dispatch(register, env, 'permits.records', { authorityId, flagId: dead.id, withPeople: true }));
    expect(deadRecords.register.find((r) => r.role === 'replaced-by')!.permit.replaces).toBe(dead.permit);
    expect(deadRecords.register[0]!.permit.officer).toBe(data.register.find((p) => p.number === dead.permit)!.officer);

    // Without people: no officer, applicant or endorsing officer anywhere, not even in the flag's details.
    const concentration = all.flags.find((f) => f.kind === 'officer-concentration')!;
    for (const flag of [gap, dead, concentration]) {
      const hidden = ok<PermitRecordsPage>(await dispatch(register, env, 'permits.records', { authorityId, flagId: flag.id }));
      expect(hidden.register.every((r) => r.permit.officer === null && r.permit.applicant === null && r.permit.endorsingOfficer === null)).toBe(true);
      const text = JSON.stringify(hidden);
      expect([...names].filter((n) => text.includes(`"${n}"`))).toEqual([]);
    }
    const hiddenList = await flagsOf(register, { authorityId, kind: 'officer-concentration' });
    expect(JSON.stringify(hiddenList.flags)).not.toContain(`"${concentration.officer}"`);

    // A flag of another authority, or none, is not found; the input is checked.
    const other = createAuthority(register, { name: 'Other MA', country: 'Elsewhere', level: 'national', notes: '' });
    expect(await dispatch(register, env, 'permits.records', { authorityId: other.id, flagId: gap.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch(register, env, 'permits.records', { authorityId, flagId: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(register, env, 'permits.records', { authorityId, flagId: gap.id, limit: 5000 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses to filter by a person while people are hidden', async () => {
    const { register, authorityId, data } = await analysedRegister();
    const result = await dispatch(register, env, 'permits.flags', { authorityId, officer: data.register[0]!.officer });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error.message).toMatch(/^officer: /);
    const listed = await flagsOf(register, { authorityId, withPeople: true, officer: data.register[0]!.officer });
    expect(listed.flags.every((f) => f.officer === data.register[0]!.officer)).toBe(true);
  });

  it('exports the filtered list as XLSX and CSV with the same cells, formula-safe, people only when shown', async () => {
    const { register, authorityId, marked } = await analysedRegister();
    const filter = { authorityId, kind: 'out-of-hours' as const, from: '2024-01-01' };
    const list = await flagsOf(register, filter);
    expect(list.total).toBeGreaterThan(0);
    const xlsx = ok<ExportedFile>(await dispatch(register, env, 'permits.exportFlags', { ...filter, format: 'xlsx', language: 'fr' }));
    expect(xlsx.fileName).toMatch(/^flagged-permits-\d{4}-\d{2}-\d{2}-fr\.xlsx$/);
    expect(xlsx.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Permis signalés');
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const header = rows[0]!.slice(1);
    expect(header).toEqual(['Type', 'Source', 'Permis', 'Date', 'Taxon', 'Détails']);
    const body = rows.slice(1).map((r) => r.slice(1));
    expect(body.length).toBe(list.total);
    expect(body.map((r) => r[2])).toEqual(list.flags.map((f) => f.permit));
    expect(body.every((r) => r[0] === 'Délivrance hors horaires' && (r[3] as string) >= '2024-01-01')).toBe(true);
    // The formula arrives as text behind an apostrophe; no cell is a formula.
    const formulaRow = body.find((r) => r[2] === marked);
    expect(formulaRow?.[4]).toBe(`'${FORMULA_TAXON}`);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    // With people, two more columns; the applicant formula is neutralised too.
    const withPeople = ok<ExportedFile>(await dispatch(register, env, 'permits.exportFlags', { ...filter, withPeople: true, format: 'csv', language: 'en' }));
    const csv = Buffer.from(withPeople.contentBase64, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFFKind,Source,Permit,Date,Taxon,Officer,Applicant,Details\r\n')).toBe(true);
    expect(csv).toContain(`"'${FORMULA_TAXON.replace(/"/g, '""')}"`);
    expect(csv).toContain(`'${FORMULA_APPLICANT}`);
    expect(csv.trimEnd().split('\r\n').length).toBe(list.total + 1);

    // What the auditors' spreadsheet makes of the XLSX: LibreOffice converts it to the same CSV cells.
    if (existsSync('/usr/bin/soffice')) {
      const dir = temp.dir();
      writeFileSync(join(dir, 'flags.xlsx'), Buffer.from(xlsx.contentBase64, 'base64'));
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, join(dir, 'flags.xlsx')], { stdio: 'pipe', timeout: 120_000 });
      const converted = readFileSync(join(dir, 'flags.csv'), 'utf8').trimEnd().split(/\r?\n/);
      expect(converted[0]).toBe('Type,Source,Permis,Date,Taxon,Détails');
      expect(converted.length).toBe(list.total + 1);
      // LibreOffice shows the apostrophe-prefixed text as typed: the formula stays text.
      expect(converted.find((line) => line.includes(marked))).toContain(`'=HYPERLINK(""http://example.org"",""x"")`);
    }
  });
});
