import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRENCH_STRING_DIRS, NBSP, frenchTypography, isFrenchStringFile, mapStrings } from '../../shared/report/typography.js';

describe('French typography', () => {
  it('puts a non-breaking space before : ; ? ! and inside « », and leaves times and placeholders alone', () => {
    expect(frenchTypography('Motif : « {{reason}} » ; et alors ? Oui !')).toBe(`Motif${NBSP}: «${NBSP}{{reason}}${NBSP}»${NBSP}; et alors${NBSP}? Oui${NBSP}!`);
    expect(frenchTypography('Art. 7: Secteur public')).toBe(`Art. 7${NBSP}: Secteur public`);
    expect(frenchTypography('à 10:00, voir https://example.org et {{a}}:{{b}}')).toBe('à 10:00, voir https://example.org et {{a}}:{{b}}');
    expect(frenchTypography(frenchTypography('« x » ; y'))).toBe(frenchTypography('« x » ; y'));
  });

  const files = FRENCH_STRING_DIRS.flatMap((dir) => readdirSync(dir).filter((n) => isFrenchStringFile(dir, n)).map((n) => join(dir, n)));

  it('finds every French string file', () => {
    expect(files).toContain('shared/report/strings/flags.fr.json');
    expect(files).toContain('renderer/src/i18n/locales/fr/gaps.json');
    expect(files).toContain('shared/library/data/translations/fr.json');
  });

  it.each(files)('%s is typeset (run dist/tools/french-typography.js to fix)', (file) => {
    const wrong: string[] = [];
    mapStrings(JSON.parse(readFileSync(file, 'utf8')), (text) => {
      if (frenchTypography(text) !== text) wrong.push(text);
      return text;
    });
    expect(wrong).toEqual([]);
  });
});
