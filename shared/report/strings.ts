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
 * A word inserted into a sentence together with its declined forms, so a
 * template says `{{paragraph.de}}` ("de l'art. 7.1", "del art. 7.1") instead
 * of gluing "de " to whatever comes (see shared/report/grammar.ts).
 */
export interface Term {
  text: string;
  forms: Readonly<Record<string, string>>;
}

export type StringParam = string | number | Term;

/**
 * The words of reports, in one language, without i18next: reports are built
 * in Node (CLI, exports) and in the renderer alike. Keys are
 * `<file>.<path>`, e.g. `document.cover.title`. The conventions are
 * i18next's, so both kinds of string files read alike:
 * - `{{name}}` is replaced from params; `{{name.form}}` takes a declined form of a Term;
 * - a numeric `count` picks `<key>_one` / `<key>_other` (Intl.PluralRules), and a
 *   `context` picks `<key>_<context>` (e.g. a grammatical gender) before that.
 * A missing key falls back to English, then to the key itself (so gaps show).
 */
export function reportStrings(language: string) {
  const own = STRINGS[language] ?? STRINGS.en;
  const plural = new Intl.PluralRules(language);
  // Which template a key, context and plural category resolve to never changes: found once, it is
  // kept (a report of 10,000 controls asks for the same few dozen templates thousands of times).
  const templates = new Map<string, string>();
  const template = (key: string, context: string, count: string): string => {
    const cacheKey = `${key}\u0000${context}\u0000${count}`;
    let text = templates.get(cacheKey);
    if (text === undefined) {
      const candidates = [context && count ? `${key}${context}${count}` : '', context ? `${key}${context}` : '', count ? `${key}${count}` : '', count ? `${key}_other` : '', key].filter(Boolean);
      // The reader's language in every form first, so a missing plural form never drops into English.
      text = [own, STRINGS.en].flatMap((tree) => candidates.map((c) => lookup(tree, c))).find((found) => found !== undefined) ?? key;
      templates.set(cacheKey, text);
    }
    return text;
  };
  return (key: string, params: Record<string, StringParam> = {}): string => {
    const context = typeof params.context === 'string' && params.context ? `_${params.context}` : '';
    const count = typeof params.count === 'number' ? `_${plural.select(params.count)}` : '';
    return template(key, context, count).replace(/\{\{(\w+)(?:\.(\w+))?\}\}/g, (whole, name: string, form: string | undefined) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (typeof value === 'object') return form ? (value.forms[form] ?? whole) : value.text;
      return form ? whole : String(value);
    });
  };
}

export type ReportT = ReturnType<typeof reportStrings>;

/** The keys directly under a path, in the language (or English when it has none): the forms a term's data declares. */
export function subkeys(language: string, path: string): string[] {
  for (const tree of [STRINGS[language] ?? STRINGS.en, STRINGS.en]) {
    let node: string | Tree | undefined = tree;
    for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node === 'object') return Object.keys(node);
  }
  return [];
}

const formats = new Map<string, ReturnType<typeof makeReportFormat>>();

/** Numbers and dates in the report's language (British conventions for English); one per language. */
export function reportFormat(language: string) {
  let format = formats.get(language);
  if (!format) formats.set(language, (format = makeReportFormat(language)));
  return format;
}

function makeReportFormat(language: string) {
  const locale = language === 'en' ? 'en-GB' : language;
  // Made on first use: loading a locale's number and date data costs more than a small report's
  // tables, and many reports (a CSV of criteria) format neither.
  let oneDecimal: Intl.NumberFormat | undefined;
  let date: Intl.DateTimeFormat | undefined;
  return {
    score: (value: number | null | undefined) =>
      value === null || value === undefined ? '—' : (oneDecimal ??= new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(value),
    date: (iso: string | null | undefined) =>
      iso ? firstOfMonth(language, (date ??= new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))) : '—',
  };
}

/** French writes the first of the month as an ordinal ("1er octobre"), which Intl does not. */
export function firstOfMonth(language: string, formatted: string): string {
  return language === 'fr' ? formatted.replace(/^1(?=[\s\u00a0\u202f])/u, '1er') : formatted;
}
