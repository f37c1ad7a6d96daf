import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRENCH_STRING_DIRS, frenchTypography, isFrenchStringFile, mapStrings } from '../shared/report/typography.js';

/**
 * Puts French typography into the French string files, so translators can type
 * ordinary spaces: `npm run build && node dist/tools/french-typography.js`
 * from the repository root. tests/language/typography.test.ts fails on any
 * string this would change.
 */
for (const dir of FRENCH_STRING_DIRS) {
  for (const name of readdirSync(dir).filter((n) => isFrenchStringFile(dir, n))) {
    const file = join(dir, name);
    const before = readFileSync(file, 'utf8');
    const after = `${JSON.stringify(mapStrings(JSON.parse(before), frenchTypography), null, 2)}\n`;
    if (after !== before) {
      writeFileSync(file, after);
      console.log(`updated ${file}`);
    }
  }
}
