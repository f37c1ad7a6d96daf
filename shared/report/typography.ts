/** The non-breaking space French puts before : ; ? ! and inside « ». */
export const NBSP = '\u00a0';

/**
 * French typography for one string: a non-breaking space (U+00A0, which every
 * report font has, unlike the narrow U+202F) before : ; ? ! and inside « »,
 * so a line never breaks there. Colons not followed by a space (times, URLs,
 * {{placeholders}}) are left alone.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/[ \u202f]+([;?!»])/g, `${NBSP}$1`)
    .replace(/«[ \u202f]+/g, `«${NBSP}`)
    .replace(/[ \u202f]+:(?=\s|$)/g, `${NBSP}:`)
    .replace(/([\p{L}\d)}])([:;?!])(?=\s|$)/gu, `$1${NBSP}$2`)
    .replace(/«(?=[^\s\u00a0])/g, `«${NBSP}`)
    .replace(/([^\s\u00a0])»/g, `$1${NBSP}»`);
}

/** Every French string file: report strings, screen strings and the library translation. */
export const FRENCH_STRING_DIRS = ['shared/report/strings', 'renderer/src/i18n/locales/fr', 'shared/library/data/translations'] as const;
export const isFrenchStringFile = (dir: string, name: string) => name.endsWith('.json') && (dir.endsWith('/fr') || name.endsWith('.fr.json') || name === 'fr.json');

/** A parsed JSON tree with every string passed through `fix`. */
export function mapStrings(node: unknown, fix: (text: string) => string): unknown {
  if (typeof node === 'string') return fix(node);
  if (Array.isArray(node)) return node.map((item) => mapStrings(item, fix));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapStrings(v, fix)]));
  return node;
}
