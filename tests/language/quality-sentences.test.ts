import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportWords } from '../../report/words.js';
import { ASSESSMENT_STATUSES } from '../../shared/domain/vocabulary.js';
import { QUALITY_KINDS, type QualityItem, type QualityKind } from '../../shared/report/quality-check.js';
import type { ReportData } from '../../shared/report/report-data.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { DRAFT, demoRegister, reportDataOf } from '../report/report-fixture.js';
import { sentenceFaults } from './faults.js';
import { CONTROL_TITLES } from './flag-samples.js';

const temp = useTempRegisters();
const FALLBACK = '<no template>';

/** Sample items of one quality kind: every criterion, control title, status and singular/plural month count it can name. */
const SAMPLES: Record<QualityKind, (data: ReportData) => QualityItem[]> = {
  'not-locked': (data) => ASSESSMENT_STATUSES.filter((s) => s !== 'locked').map((status) => item('not-locked', { type: 'assessment', id: 'a', label: data.assessment.title }, { status })),
  'weak-override-justification': (data) => criteria(data).map((s) => item('weak-override-justification', s, { justification: 'n/a' })),
  'weak-applicability-justification': (data) => criteria(data).map((s) => item('weak-applicability-justification', s, { justification: 'ok' })),
  'unsupported-claim': () => controls().flatMap((s) => [3, 4].map((maturity) => item('unsupported-claim', s, { maturity }))),
  'stale-evidence': () =>
    [1, 24].flatMap((months) => CONTROL_TITLES.map((control, i) => item('stale-evidence', { type: 'evidence', id: `e${i}`, label: control }, { date: '2024-03-01', months, control, evidence: 'Policy 2023' }))),
  'expired-evidence': () => CONTROL_TITLES.map((control, i) => item('expired-evidence', { type: 'evidence', id: `e${i}`, label: control }, { expiry: '2026-01-01', control, evidence: 'Interim edition' })),
  'never-reviewed': () => controls().map((s) => item('never-reviewed', s, {})),
  'not-assessed': (data) => criteria(data).map((s) => item('not-assessed', s, {})),
};

function item(kind: QualityKind, subject: QualityItem['subject'], params: QualityItem['params']): QualityItem {
  return { kind, subject, message: FALLBACK, params };
}
const criteria = (data: ReportData) => data.criteria.map((c) => ({ type: 'criterion' as const, id: c.id, label: `${c.paragraph} ${c.title}` }));
const controls = () => CONTROL_TITLES.map((label, i) => ({ type: 'control' as const, id: `c${i}`, label }));

const GOLDEN: Record<string, Record<string, string>> = Object.fromEntries(
  ['fr', 'es'].map((language) => [language, JSON.parse(readFileSync(new URL(`./golden/quality.${language}.json`, import.meta.url), 'utf8'))]),
);

describe('quality-check sentences in every language', () => {
  const data = reportDataOf(demoRegister(() => temp.open()), DRAFT);

  for (const language of ['en', 'fr', 'es']) {
    it(`${language}: renders every kind with every criterion and control, free of the faulty patterns`, () => {
      const words = reportWords(data, language);
      const problems: string[] = [];
      for (const kind of QUALITY_KINDS) {
        for (const sample of SAMPLES[kind](data)) {
          const sentence = words.quality(sample);
          if (sentence === FALLBACK) problems.push(`${kind}: no template rendered`);
          for (const fault of sentenceFaults(sentence, language)) problems.push(`${kind}: ${fault.rule} ("${fault.match}") in "${sentence}"`);
        }
      }
      expect([...new Set(problems)]).toEqual([]);
    });
  }

  for (const language of ['fr', 'es']) {
    it(`${language}: matches the reviewed golden sample of each template`, () => {
      const words = reportWords(data, language);
      const rendered = Object.fromEntries(QUALITY_KINDS.map((kind) => [kind, words.quality(SAMPLES[kind](data).at(-1)!)]));
      expect(rendered).toEqual(GOLDEN[language]);
    });
  }
});
