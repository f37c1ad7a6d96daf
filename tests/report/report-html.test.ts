import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../report/render.js';
import { reportWords } from '../../report/words.js';
import { QUALITY_KINDS } from '../../shared/report/quality-check.js';
import type { ReportData } from '../../shared/report/report-data.js';
import { reportFormat } from '../../shared/report/strings.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { METHODOLOGY_VERSION } from '../../shared/methodology/version.js';
import { BASELINE, DRAFT, demoRegister, lockDraft, reportDataOf } from './report-fixture.js';

const temp = useTempRegisters();

function render(data: ReportData, language = 'en'): { html: string; doc: HTMLElement } {
  const html = renderReportHtml(data, language);
  return { html, doc: parse(html) };
}
const text = (doc: HTMLElement, selector: string) => doc.querySelector(selector)?.text.trim();
const meta = (doc: HTMLElement, name: string) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content');

describe('renderReportHtml', () => {
  it('renders the draft: cover fields, every criterion, the quality check, no digest', () => {
    const data = reportDataOf(demoRegister(() => temp.open()), DRAFT);
    const { html, doc } = render(data);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(meta(doc, 'permit-integrity-assessment')).toBe('demo-assessment-2026');
    expect(meta(doc, 'permit-integrity-digest')).toBeUndefined();
    expect(text(doc, '[data-field="authority"]')).toBe(data.authority.name);
    expect(text(doc, '[data-field="assessment"]')).toBe('2026 self-assessment');
    expect(text(doc, '[data-field="as-of"]')).toBe('31 October 2026');
    expect(text(doc, '[data-field="status"]')).toBe('draft');
    expect(text(doc, '[data-field="methodology"]')).toBe(`PI-1 version ${METHODOLOGY_VERSION}`);
    expect(doc.querySelector('[data-field="digest"]')).toBeNull();
    expect(text(doc, '[data-field="draft-note"]')).toContain('not locked');

    const criteria = doc.querySelectorAll('[data-criterion]').map((e) => e.getAttribute('data-criterion'));
    expect(criteria).toEqual(data.criteria.map((c) => c.id));
    for (const c of data.criteria) expect(text(doc, `[data-criterion="${c.id}"] h4`)).toContain(c.paragraph);

    // The quality check: one group per kind found, its count, and each item's sentence.
    const words = reportWords(data, 'en');
    const kinds = QUALITY_KINDS.filter((k) => data.quality.counts[k] > 0);
    expect(kinds.length).toBeGreaterThan(2);
    expect(doc.querySelectorAll('[data-quality-kind]').map((e) => e.getAttribute('data-quality-kind'))).toEqual(kinds);
    for (const kind of kinds) {
      const items = doc.querySelectorAll(`[data-quality-kind="${kind}"] li`).map((li) => li.text);
      expect(items).toEqual(data.quality.items.filter((i) => i.kind === kind).map((i) => words.quality(i)));
      expect(text(doc, `[data-quality-kind="${kind}"] h3`)).toContain(`(${data.quality.counts[kind]})`);
    }
    expect(doc.querySelector('[data-section="quality"]')?.text).toContain('is draft, not locked');
  });

  it('prints every figure as PI-1 computed it', () => {
    const data = reportDataOf(demoRegister(() => temp.open()), DRAFT);
    const { doc } = render(data);
    const fmt = reportFormat('en');
    expect(text(doc, '[data-field="overall-score"]')).toBe(fmt.score(data.view.scores.overall));
    expect(text(doc, '[data-field="overall-score"]')).toBe('53.7');
    for (const a of data.view.scores.articles) expect(text(doc, `[data-field="article-score-${a.article}"]`)).toBe(fmt.score(a.score));
    for (const s of ['critical', 'high', 'medium', 'low'] as const) expect(text(doc, `[data-field="flags-${s}"] strong`)).toBe(String(data.view.flagCounts[s]));
    for (const c of data.criteria.filter((x) => x.applicable)) expect(text(doc, `[data-criterion="${c.id}"] [data-field="final"]`)).toMatch(new RegExp(`^${c.final} `));
    // Heat map: one cell per stage × risk type; chain table: one row per cell; action plan: one row per flag, owner, due and status blank (no action recorded).
    expect(doc.querySelectorAll('[data-section="chain"] table.heatmap td.band')).toHaveLength(data.view.chain.length);
    expect(doc.querySelectorAll('[data-section="chain"] table.chain-table tbody tr')).toHaveLength(data.view.chain.length);
    const rows = doc.querySelectorAll('[data-section="actions"] tbody tr');
    expect(rows).toHaveLength(data.actionPlan.total);
    for (const row of rows) expect(row.querySelectorAll('td.fill').map((td) => td.text)).toEqual(['', '', '']);
    // Top gaps: the most severe eight flags, in PI-1's order.
    const words = reportWords(data, 'en');
    expect(doc.querySelectorAll('table.top-gaps tbody tr').map((tr) => tr.querySelectorAll('td')[2]!.text)).toEqual(data.actionPlan.rows.slice(0, 8).map((a) => words.flagReason(a.flag)));
    const evidence = doc.querySelector('[data-section="evidence"]')!.text;
    for (const line of data.evidenceRegister.rows) if (line.sha256) expect(evidence).toContain(line.sha256);
  });

  it('renders the locked baseline with its full digest, on the cover and as a meta tag', () => {
    const data = reportDataOf(demoRegister(() => temp.open()), BASELINE);
    expect(data.assessment.digest).toMatch(/^[0-9a-f]{64}$/);
    const { doc } = render(data);
    expect(text(doc, '[data-field="digest"]')).toBe(data.assessment.digest);
    expect(meta(doc, 'permit-integrity-digest')).toBe(data.assessment.digest);
    expect(meta(doc, 'permit-integrity-assessment')).toBe('demo-assessment-2025');
    expect(text(doc, '[data-field="status"]')).toBe('locked');
    expect(doc.querySelector('[data-field="draft-note"]')).toBeNull();
    expect(text(doc, '[data-field="overall-score"]')).toBe(reportFormat('en').score(data.view.scores.overall));
    // One locked assessment only: no trend.
    expect(data.showTrend).toBe(false);
    expect(doc.querySelector('[data-section="trend"]')).toBeNull();
  });

  it('is self-contained: no script, no external resource, a restrictive CSP', () => {
    const data = reportDataOf(demoRegister(() => temp.open()), BASELINE);
    for (const language of ['en', 'fr', 'es']) {
      const { html, doc } = render(data, language);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\s(src|href|xlink:href|action|poster|srcset)\s*=\s*["']?\s*(https?:|\/\/|file:)/i);
      expect(html).not.toMatch(/url\(\s*["']?\s*(https?:|\/\/)/i);
      expect(html).not.toMatch(/@import/i);
      expect(doc.querySelectorAll('link')).toHaveLength(0);
      expect(doc.querySelectorAll('style')).toHaveLength(1);
      expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(/^default-src 'none'/);
      expect(doc.querySelectorAll('svg').length).toBeGreaterThan(0);
    }
  });

  it('speaks French and Spanish: headings, cover, flags and quality check, with no key left untranslated', () => {
    const data = reportDataOf(demoRegister(() => temp.open()), DRAFT);
    const expected = {
      fr: { summary: 'Synthèse', quality: "Contrôle qualité", actions: "Plan d'action", status: 'brouillon', asOf: '31 octobre 2026', score: '53,7', flag: 'famille essentielle' },
      es: { summary: 'Resumen ejecutivo', quality: 'Control de calidad', actions: 'Plan de acción', status: 'borrador', asOf: '31 de octubre de 2026', score: '53,7', flag: 'familia básica' },
    };
    for (const [language, e] of Object.entries(expected)) {
      const { doc } = render(data, language);
      expect(doc.querySelector('html')?.getAttribute('lang')).toBe(language);
      expect(text(doc, '[data-section="summary"] h2')).toBe(e.summary);
      expect(text(doc, '[data-section="quality"] h2')).toBe(e.quality);
      expect(text(doc, '[data-section="actions"] h2')).toBe(e.actions);
      expect(text(doc, '[data-field="status"]')).toBe(e.status);
      expect(text(doc, '[data-field="as-of"]')).toBe(e.asOf);
      expect(text(doc, '[data-field="overall-score"]')).toBe(e.score);
      expect(doc.querySelector('[data-section="actions"]')!.text).toContain(e.flag);
      // The treaty text stays in English, marked as such.
      expect(doc.querySelector('[data-criterion="7.1(a)"] blockquote')?.getAttribute('lang')).toBe('en');
      const body = doc.querySelector('body')!.text;
      expect(body).not.toMatch(/document\.[a-z]+\.[a-zA-Z]/);
      expect(body).not.toMatch(/\{\{\w+\}\}/);
    }
  });

  it('says "no issues" when the quality check is empty', () => {
    const data = reportDataOf(demoRegister(() => temp.open()), BASELINE);
    const clean: ReportData = { ...data, quality: { items: [], total: 0, counts: Object.fromEntries(QUALITY_KINDS.map((k) => [k, 0])) as ReportData['quality']['counts'] } };
    const { doc } = render(clean);
    expect(text(doc, '[data-field="quality-none"]')).toMatch(/^No issues/);
    expect(doc.querySelectorAll('[data-quality-kind]')).toHaveLength(0);
    expect(text(parse(renderReportHtml(clean, 'es')), '[data-field="quality-none"]')).toMatch(/^Ningún punto/);
  });

  it('draws the trend from two locked assessments, with the figures as a table, and shows audit rows', async () => {
    const register = demoRegister(() => temp.open());
    await lockDraft(register);
    const data = reportDataOf(register, DRAFT);
    expect(data.trend).toHaveLength(2);
    const { doc } = render(data);
    const trend = doc.querySelector('[data-section="trend"]')!;
    expect(trend.querySelectorAll('svg')).toHaveLength(2 + 3 + 4); // two charts, three line swatches, four severity swatches
    const rows = trend.querySelectorAll('table.trend-table tbody tr');
    expect(rows.map((r) => r.querySelectorAll('td')[1]!.text)).toEqual([data.trend[0]!.overall, data.trend[1]!.overall].map((v) => reportFormat('en').score(v)));
    expect(data.auditExtract.length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('[data-section="audit"] tbody tr')).toHaveLength(data.auditExtract.length);
    expect(text(doc, '[data-field="digest"]')).toBe(data.assessment.digest);
  });
});
