import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bareQuantifier } from './faults.js';

/** Every string of a JSON file with its dotted key. */
function strings(file: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out.push([path, node]);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')), '');
  return out;
}

/** The screens', the reports' and the library's strings in one language: the terminology must hold in all three. */
function files(language: string): string[] {
  return [
    ...readdirSync(`renderer/src/i18n/locales/${language}`).map((f) => join(`renderer/src/i18n/locales/${language}`, f)),
    ...readdirSync('shared/report/strings').filter((f) => f.endsWith(`.${language}.json`)).map((f) => join('shared/report/strings', f)),
    ...(language === 'en' ? [] : [`shared/library/data/translations/${language}.json`]),
  ];
}

/** One term per concept (issue 13): the wording each language must not use, with the term it uses instead. */
const BANNED: Record<string, Array<[RegExp, string]>> = {
  en: [[/\bthe authentic (English )?text\b|English authentic text/i, 'English is one of six equally authentic texts (UNCAC Art 71)']],
  fr: [
    [/dérogation/i, '"ajustement manuel" for an override'],
    [/\bsoulev|n'a levé aucune alerte|alerte levée par/i, '"émettre" an alert ("lever" means clearing it)'],
    [/déclarations? de revenus/i, '"Déclarations de patrimoine et d\'intérêts"'],
    [/maturité (déduite|retenue)/i, '"maturité calculée" (derived), "maturité finale" (final), "maturité effective" (a control)'],
    [/\bnotes? (de|sur) l'évaluateur|notes sur \{\{criterion\}\}|^Notes$|note globale/i, '"note" is a rating; comments are "commentaires"'],
    [/texte authentique|version anglaise authentique/i, 'English is one of six texts that are equally authentic (art. 71)'],
    [/UNCAC/, '"CNUCC"'],
  ],
  es: [
    [/\bevidencias?\b/i, '"pruebas"'],
    [/modificaci[oó]n del evaluador|modificaciones con una justificaci[oó]n/i, '"ajuste manual" for an override'],
    [/medidas? correctivas?/i, '"medida correctora"'],
    [/declaraciones de ingresos/i, '"Declaraciones de bienes e intereses"'],
    [/madurez derivada/i, '"madurez calculada" (derived), "madurez final" (final)'],
    [/no (ha )?generad?o ninguna alerta/i, '"emitir" an alert'],
    [/texto auténtico incluido|versión auténtica en inglés/i, 'English is one of six equally authentic texts (art. 71)'],
    [/UNCAC/, '"CNUCC"'],
  ],
};

describe('terminology in screens, reports and library', () => {
  for (const language of ['en', 'fr', 'es']) {
    it(`${language}: uses one term per concept`, () => {
      const wrong: string[] = [];
      for (const file of files(language)) {
        for (const [key, text] of strings(file)) {
          for (const [pattern, use] of BANNED[language]!) if (pattern.test(text)) wrong.push(`${file} ${key}: "${text}" (use ${use})`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it(`${language}: has no bare "All"/"None" label, and a plural form for every counted string`, () => {
      const wrong: string[] = [];
      for (const file of files(language)) {
        const all = strings(file);
        const keys = new Set(all.map(([key]) => key));
        for (const [key, text] of all) {
          if (bareQuantifier(text)) wrong.push(`${file} ${key}: bare "${text}" agrees with no noun`);
          const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
          // A label followed by its figure ("Authorities pooled: {{count}}") does not inflect.
          if (/\{\{count\}\}/.test(text) && !/:\s*\{\{count\}\}/.test(text) && !/^(pager\.position)$/.test(base) && !(keys.has(`${base}_one`) && keys.has(`${base}_other`))) wrong.push(`${file} ${key}: counted without _one/_other forms`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('French and Spanish quote English treaty text as one of six equally authentic texts (UNCAC Art 71)', () => {
    const notes = ['fr', 'es'].flatMap((language) => files(language).flatMap((file) => strings(file).filter(([key]) => key.endsWith('treatyEnglish')).map(([, text]) => text)));
    expect(notes.length).toBeGreaterThanOrEqual(6);
    for (const note of notes) expect(note).toMatch(/71/);
  });
});
