import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { createAction, updateAction } from '../../db/actions.js';
import { addComment } from '../../db/comments.js';
import { transitionAssessment } from '../../db/lifecycle.js';
import { setSetting } from '../../db/settings.js';
import { scoreAssessment } from '../../db/snapshot.js';
import { reportData } from '../../api/report-handlers.js';
import { buildActionPlanDocx } from '../../exports/docx.js';
import { buildReportXlsx } from '../../exports/xlsx.js';
import { renderReportHtml } from '../../report/render.js';
import { flagKey } from '../../shared/actions/actions.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { DRAFT, demoRegister } from './report-fixture.js';

const temp = useTempRegisters();

/** The demo draft with two recorded actions (one done, whose flag is still raised) and a short review thread. */
function demoWithPlan() {
  const register = demoRegister(() => temp.open());
  const flags = scoreAssessment(register, DRAFT).flags;
  createAction(register, DRAFT, flagKey(flags[0]!), { title: 'Appoint the integrity focal point', owner: 'Director-General', due: '2027-01-31', status: 'in-progress' });
  const done = createAction(register, DRAFT, flagKey(flags[1]!), { title: 'Close the second gap', owner: 'Legal unit', due: '2026-12-15' });
  updateAction(register, done.id, { title: done.title, owner: done.owner, due: done.due, status: 'done' });
  setSetting(register, 'actor', 'Rita Reviewer');
  addComment(register, DRAFT, { type: 'criterion', id: '7.1(a)' }, 'Which policy sets the vetting rules?');
  transitionAssessment(register, DRAFT, 'submitted');
  transitionAssessment(register, DRAFT, 'draft', 'Two criteria lack evidence.');
  return { register, flags };
}

describe('the action plan in reports carries the recorded actions', () => {
  it('fills owner, due date and status in the HTML report, and leaves the rest blank', () => {
    const { register } = demoWithPlan();
    const data = reportData(register, DRAFT);
    expect(data.actionPlan.rows[0]).toMatchObject({ owner: 'Director-General', due: '2027-01-31', action: 'Appoint the integrity focal point', status: 'in-progress' });
    expect(data.actionPlan.rows[1]).toMatchObject({ owner: 'Legal unit', status: 'done-gap-remains' });
    expect(data.actionPlan.rows[2]).toMatchObject({ owner: '', due: '', action: '', status: null });
    const doc = parse(renderReportHtml(data, 'fr'));
    const rows = doc.querySelectorAll('[data-section="actions"] tbody tr');
    expect(rows[0]!.querySelectorAll('td.fill').map((td) => td.text)).toEqual(['Director-General', '31 janvier 2027', 'En cours']);
    expect(rows[1]!.querySelectorAll('td.fill').map((td) => td.text)[2]).toBe('Réalisée, mais la lacune subsiste');
    expect(rows[2]!.querySelectorAll('td.fill').map((td) => td.text)).toEqual(['', '', '']);
    // No comments annex unless asked for.
    expect(doc.querySelector('[data-section="comments"]')).toBeNull();
  });

  it('adds the comment threads as an annex when asked, with the return reason marked', () => {
    const { register } = demoWithPlan();
    const doc = parse(renderReportHtml(reportData(register, DRAFT, 'summary', { comments: true }), 'en'));
    const annex = doc.querySelector('[data-section="comments"]')!;
    expect(annex.querySelector('h2')!.text).toBe('Annex D. Review comments');
    expect(annex.querySelectorAll('h3').map((h) => h.text)).toEqual(['Criterion 7.1(a)', 'The assessment as a whole']);
    expect(annex.text).toContain('Which policy sets the vetting rules?');
    expect(annex.text).toMatch(/Rita Reviewer, .*Reason for return to draft\s*Two criteria lack evidence\./);
  });

  it('writes the same values into the XLSX action-plan sheet and the DOCX action plan', async () => {
    const { register } = demoWithPlan();
    const data = reportData(register, DRAFT);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await buildReportXlsx(data, 'es')) as unknown as ExcelJS.Buffer);
    // Found by name: the permit-data signals sheet comes after it.
    const sheet = workbook.worksheets.find((w) => w.name === 'Plan de acción')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(-4)).toEqual(['Acción prevista', 'Responsable', 'Fecha límite', 'Estado de avance']);
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).slice(-4).map((v) => (v === undefined || v === null ? '' : String(v)));
    expect(row(2)).toEqual(['Appoint the integrity focal point', 'Director-General', '2027-01-31', 'En curso']);
    expect(row(3)).toEqual(['Close the second gap', 'Legal unit', '2026-12-15', 'Hecha, pero la brecha persiste']);
    expect(row(4)).toEqual(['', '', '', 'No registrada']);

    const zip = await JSZip.loadAsync(await buildActionPlanDocx(data, 'en'));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    expect(text).toContain('Director-General');
    expect(text).toContain('In progress');
    expect(text).toContain('Done, but the gap remains');
    expect(text).toContain('Appoint the integrity focal point');
  });
});
