/**
 * PI-1.3 in the reports: the legal framework pack gets its own section in
 * every format (HTML/PDF document, CSV and XLSX table, DOCX action plan) and
 * language, with the section score and the offence-not-established flags the
 * methodology raised; the 2025 baseline, locked without the pack, has none.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { buildActionPlanDocx } from '../../exports/docx.js';
import { buildReportXlsx } from '../../exports/xlsx.js';
import { renderReportHtml } from '../../report/render.js';
import { reportTableCsv } from '../../shared/report/csv-tables.js';
import { reportTables } from '../../shared/report/tables.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { BASELINE, DRAFT, demoRegister, reportDataOf } from './report-fixture.js';

const temp = useTempRegisters();

// The demo draft: legal_framework control at 3 (all six offences derive 3), the assessor overrides
// 18 to 1 and 20 to 0; 30.1 = min(3, action 2) = 2, 30.6 = 2.
// Section: (15 3×3 + 18 2×1 + 19 2×3 + 20 2×0 + 23.1 3×3 + 24 1×3 + 30.1 3×2 + 30.6 2×2) = 39 of 72 → 54.2.
const HEADINGS = { en: 'Offences and sanctions (legal framework)', fr: 'Infractions et sanctions (cadre juridique)', es: 'Delitos y sanciones (marco jurídico)' };
const FLAG_WORDS = { en: 'Offence not established', fr: 'Infraction non établie', es: 'Delito no tipificado' };

describe('the legal framework pack in the report document', () => {
  for (const language of ['en', 'fr', 'es'] as const) {
    it(`${language}: a section with the score 54.2, each risk type's offence and the two flagged offences`, () => {
      const data = reportDataOf(demoRegister(() => temp.open()), DRAFT);
      expect(data.view.scores.sections.map((s) => [s.framework, s.score])).toEqual([['uncac-offences', 54.2]]);
      const doc = parse(renderReportHtml(data, language));
      const section = doc.querySelector('[data-section="offences"]')!;
      expect(section.querySelector('h2')!.text).toBe(HEADINGS[language]);
      expect(section.querySelector('[data-field="offences-score"]')!.text).toContain(language === 'en' ? '54.2' : '54,2');
      const rows = section.querySelectorAll('table.offence-table tbody tr');
      expect(rows.map((r) => r.getAttribute('data-risk-type'))).toEqual(['bribery', 'trading_in_influence', 'abuse_of_functions', 'illicit_enrichment', 'laundering', 'concealment']);
      const flagged = rows.filter((r) => r.text.includes(FLAG_WORDS[language])).map((r) => r.getAttribute('data-risk-type'));
      expect(flagged).toEqual(['trading_in_influence', 'illicit_enrichment']);
      // The pack's eight criteria are in this section, not among the Art 7/12 criteria.
      expect(section.querySelectorAll('[data-criterion]')).toHaveLength(8);
      expect(doc.querySelectorAll('[data-section="criteria"] [data-criterion="15"]')).toHaveLength(0);
      // Listed in the contents, and the summary shows it beside (not inside) the overall score.
      expect(doc.querySelector('.contents')!.text).toContain(HEADINGS[language]);
      expect(doc.querySelector('[data-field="section-score-uncac-offences"]')!.text.trim()).toBe(language === 'en' ? '54.2' : '54,2');
      expect(doc.querySelector('[data-field="overall-score"]')!.text.trim()).toBe(language === 'en' ? '53.7' : '53,7');
    });
  }

  it('the baseline, locked before the pack existed, has no such section', () => {
    const data = reportDataOf(demoRegister(() => temp.open()), BASELINE);
    const doc = parse(renderReportHtml(data, 'en'));
    expect(doc.querySelector('[data-section="offences"]')).toBeNull();
    expect(doc.querySelector('.contents')!.text).not.toContain(HEADINGS.en);
    expect(reportTables(data, 'en').offences.rows).toEqual([]);
  });
});

describe('the legal framework pack in the tables', () => {
  it('CSV: one row per offence with its final maturity, target and flag', () => {
    const data = reportDataOf(demoRegister(() => temp.open()), DRAFT);
    const csv = reportTableCsv(data, 'offences', 'en');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Risk type,Offence (UNCAC),Criterion,Applicable,Final maturity,Target,Offence not established');
    expect(lines.slice(1)).toEqual([
      'Bribery,Art. 15,Bribery of officials involved in permits is a criminal offence,Yes,3,3,No',
      'Trading in influence,Art. 18,Trading in influence over permit decisions is a criminal offence,Yes,1,3,Yes',
      'Abuse of functions,Art. 19,Abuse of functions by permit officials is a criminal offence,Yes,3,3,No',
      'Illicit enrichment,Art. 20,Illicit enrichment of permit officials is a criminal offence,Yes,0,2,Yes',
      'Laundering of proceeds,Art. 23.1,Laundering of the proceeds of wildlife crime is a criminal offence,Yes,3,3,No',
      'Concealment,Art. 24,Concealment of the proceeds of corruption is a criminal offence,Yes,3,2,No',
    ]);
    const summary = reportTables(data, 'fr').summary.rows.map((r) => r[0]);
    expect(summary).toContain('Score (0–100)\u00a0: CNUCC, infractions et sanctions (cadre juridique) (calculé à part)');
  });

  it('XLSX: a sheet of its own in Spanish, with maturities stored as numbers', async () => {
    const data = reportDataOf(demoRegister(() => temp.open()), DRAFT);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildReportXlsx(data, 'es')).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Delitos y sanciones')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Tipo de riesgo');
    expect(sheet.getRow(3).getCell(2).value).toBe('Art. 18');
    expect(sheet.getRow(3).getCell(5).value).toBe(1);
    expect(sheet.getRow(3).getCell(7).value).toBe('Sí');
  });

  it('DOCX: the offences table and the offence-not-established findings in French', async () => {
    const data = reportDataOf(demoRegister(() => temp.open()), DRAFT);
    const zip = await JSZip.loadAsync(await buildActionPlanDocx(data, 'fr'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/&apos;/g, "'").replace(/[ \t\r\n]+/g, ' ');
    expect(text).toContain('Infractions et sanctions (cadre juridique)');
    expect(text).toContain('Infraction non établie');
    expect(text).toContain("le droit national ne fait pas du délit de trafic d'influence une infraction");
  });
});
