import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../report/render.js';
import type { ReportData } from '../../shared/report/report-data.js';
import { reportTables } from '../../shared/report/tables.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { BASELINE, DRAFT, demoRegister, lockDraft, reportDataOf } from '../report/report-fixture.js';
import { sentenceFaults } from './faults.js';

const temp = useTempRegisters();

/** What the assessor typed, and the English treaty text: quoted verbatim, so not the app's sentences to check. */
function verbatim(data: ReportData): string[] {
  const texts = [
    data.authority.name,
    data.assessment.title,
    ...data.controls.rows.map((c) => c.title),
    ...data.criteria.flatMap((c) => [c.text, c.notes, c.override?.justification ?? '', c.applicable ? '' : (c.applicabilityJustification ?? ''), ...c.evidence.rows.map((e) => e.title)]),
    ...data.evidenceRegister.rows.flatMap((e) => [e.title, e.control]),
  ];
  return [...new Set(texts.map((t) => t.trim()).filter((t) => t.length > 2))].sort((a, b) => b.length - a.length);
}

/** Every generated text unit of a report: the HTML document's blocks and cells, and every CSV/XLSX table cell. */
function units(data: ReportData, language: string): string[] {
  const doc = parse(renderReportHtml(data, language));
  const out = doc.querySelectorAll('p, td, th, li, dd, dt, h1, h2, h3, h4, caption, figcaption, title').map((el) => el.text.replace(/[ \t\r\n]+/g, ' ').trim());
  for (const table of Object.values(reportTables(data, language))) {
    out.push(table.title, ...table.headers);
    for (const row of table.rows) for (const cell of row) if (typeof cell === 'string') out.push(cell);
  }
  const mask = verbatim(data);
  return out.map((unit) => mask.reduce((text, typed) => text.split(typed).join('X'), unit));
}

describe('the demo reports read without a grammar or typography fault', () => {
  it('in English, French and Spanish, for the locked baseline and the draft, locked too', async () => {
    const register = demoRegister(() => temp.open());
    const faulty: string[] = [];
    const check = (data: ReportData) => {
      for (const language of ['en', 'fr', 'es']) {
        for (const unit of units(data, language)) for (const fault of sentenceFaults(unit, language)) faulty.push(`${language}: ${fault.rule} ("${fault.match}") in "${unit}"`);
      }
    };
    check(reportDataOf(register, BASELINE));
    check(reportDataOf(register, DRAFT));
    await lockDraft(register);
    check(reportDataOf(register, DRAFT));
    expect([...new Set(faulty)]).toEqual([]);
  });

  it('prints French dates of the first of the month as 1er and keeps the colon in the strings', () => {
    const data = reportDataOf(demoRegister(() => temp.open()), DRAFT);
    const html = renderReportHtml(data, 'fr');
    expect(parse(html).querySelector('title')!.text).toBe(`Rapport d'évaluation de l'intégrité\u00a0: ${data.authority.name}, ${data.assessment.title}`);
    const evidence = data.criteria.flatMap((c) => c.evidence.rows).find((e) => e.date.endsWith('-01'));
    expect(evidence).toBeDefined();
    expect(html).toMatch(/\b1er (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/u);
  });
});
