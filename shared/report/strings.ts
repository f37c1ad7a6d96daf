import documentEn from './strings/document.en.json' with { type: 'json' };
import documentFr from './strings/document.fr.json' with { type: 'json' };
import documentEs from './strings/document.es.json' with { type: 'json' };
import tablesEn from './strings/tables.en.json' with { type: 'json' };
import tablesFr from './strings/tables.fr.json' with { type: 'json' };
import tablesEs from './strings/tables.es.json' with { type: 'json' };
import portfolioEn from './strings/portfolio.en.json' with { type: 'json' };
import portfolioFr from './strings/portfolio.fr.json' with { type: 'json' };
import portfolioEs from './strings/portfolio.es.json' with { type: 'json' };
import flagsEn from './strings/flags.en.json' with { type: 'json' };
import flagsFr from './strings/flags.fr.json' with { type: 'json' };
import flagsEs from './strings/flags.es.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

const STRINGS: Record<string, Tree> = {
  en: { document: documentEn, tables: tablesEn, portfolio: portfolioEn, flags: flagsEn },
  fr: { document: documentFr, tables: tablesFr, portfolio: portfolioFr, flags: flagsFr },
  es: { document: documentEs, tables: tablesEs, portfolio: portfolioEs, flags: flagsEs },
};

export const REPORT_LANGUAGES = ['en', 'fr', 'es'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

function lookup(tree: Tree | undefined, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/**
 * The words of reports, in one language, without i18next: reports are built
 * in Node (CLI, exports) and in the renderer alike. Keys are
 * `<file>.<path>`, e.g. `document.cover.title`; `{{name}}` is replaced from params.
 * A missing key falls back to English, then to the key itself (so gaps show).
 */
export function reportStrings(language: string) {
  const own = STRINGS[language] ?? STRINGS.en;
  return (key: string, params: Record<string, string | number> = {}): string => {
    const text = lookup(own, key) ?? lookup(STRINGS.en, key) ?? key;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (name in params ? String(params[name]) : `{{${name}}}`));
  };
}

export type ReportT = ReturnType<typeof reportStrings>;

/** Numbers and dates in the report's language (British conventions for English). */
export function reportFormat(language: string) {
  const locale = language === 'en' ? 'en-GB' : language;
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    score: (value: number | null | undefined) => (value === null || value === undefined ? '—' : oneDecimal.format(value)),
    date: (iso: string | null | undefined) => (iso ? date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '—'),
  };
}
