import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLAG_KINDS } from '../../shared/domain/vocabulary.js';
import { FLAG_GRAMMAR } from '../../shared/report/flag-grammar.js';
import { flagText } from '../../shared/report/flag-text.js';
import { REPORT_LANGUAGES, subkeys } from '../../shared/report/strings.js';
import { sentenceFaults } from './faults.js';
import { FALLBACK, LABELS, allFlags, goldenFlags } from './flag-samples.js';

/** Reviewed sentences, one per template and context, for the golden flag of each kind. */
const GOLDEN: Record<string, Record<string, string>> = Object.fromEntries(
  ['fr', 'es'].map((language) => [language, JSON.parse(readFileSync(new URL(`./golden/flags.${language}.json`, import.meta.url), 'utf8'))]),
);

describe('flag sentences in every language', () => {
  const flags = allFlags();

  it('samples every flag kind the code defines', () => {
    expect(new Set(flags.map((f) => f.kind))).toEqual(new Set(FLAG_KINDS));
    expect(flags.length).toBeGreaterThan(FLAG_KINDS.length * 10);
  });

  for (const language of REPORT_LANGUAGES) {
    it(`${language}: every kind has its own reason and remedy template`, () => {
      const reasons = subkeys(language, 'flags.reason');
      const remedies = subkeys(language, 'flags.remedy');
      for (const kind of FLAG_KINDS) {
        expect(reasons, `flags.reason.${kind} in flags.${language}.json`).toContain(kind);
        expect(remedies, `flags.remedy.${kind} in flags.${language}.json`).toContain(kind);
      }
    });

    it(`${language}: renders every kind with every term, free of the faulty patterns`, () => {
      const text = flagText(language, LABELS);
      const problems: string[] = [];
      for (const flag of flags) {
        for (const sentence of [text.reason(flag), text.remedy(flag)]) {
          if (sentence === FALLBACK) problems.push(`${flag.kind}: no template rendered for ${JSON.stringify(flag.params)}`);
          else if (sentence.includes('{{')) problems.push(`${flag.kind}: placeholder left in "${sentence}"`);
          else if (!/^[\p{Lu}«“"]/u.test(sentence) || !/[.]$/.test(sentence)) problems.push(`${flag.kind}: not one sentence: "${sentence}"`);
          for (const fault of sentenceFaults(sentence, language)) problems.push(`${flag.kind}: ${fault.rule} ("${fault.match}") in "${sentence}"`);
        }
      }
      expect([...new Set(problems)]).toEqual([]);
    });
  }

  for (const language of ['fr', 'es']) {
    it(`${language}: matches the reviewed golden sample of each template`, () => {
      const text = flagText(language, LABELS);
      const rendered: Record<string, string> = {};
      for (const kind of FLAG_KINDS) {
        for (const flag of goldenFlags(kind)) {
          const context = FLAG_GRAMMAR[kind].reasonContext?.(flag.params);
          rendered[`reason.${kind}${context ? `_${context}` : ''}`] = text.reason(flag);
        }
        rendered[`remedy.${kind}`] = text.remedy(goldenFlags(kind)[0]!);
      }
      // A new template must be read by a translator and its sentence added to golden/flags.<lang>.json.
      expect(rendered).toEqual(GOLDEN[language]);
    });
  }
});
