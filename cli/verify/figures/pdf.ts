import { SEVERITIES } from '../../../shared/domain/vocabulary.js';
import { libraryText } from '../../../shared/library/translations.js';
import { figureKey, type PrintedFigure } from '../../../shared/report/figures.js';
import type { ResultView } from '../../../shared/report/result-view.js';
import { REPORT_LANGUAGES, reportStrings } from '../../../shared/report/strings.js';

/** One line of text: every kind of space (the French narrow no-break space too) as one space. */
export const flatText = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const escape = (text: string) => flatText(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*');
const SCORE = '(—|-?\\d+(?:[.,]\\d+)?)';

/** The report language whose cover labels the text shows most of. */
export function pdfLanguage(text: string): string {
  const flat = flatText(text);
  const score = (language: string) => {
    const t = reportStrings(language);
    return ['document.title', 'document.cover.assessment', 'document.cover.asOf', 'document.summary.flags', 'document.summary.maturityChart'].filter((key) => flat.includes(flatText(t(key)))).length;
  };
  return [...REPORT_LANGUAGES].sort((a, b) => score(b) - score(a))[0]!;
}

/**
 * The figures of the executive summary as a PDF's extracted text shows them:
 * the score table (each label followed by its score), the flag counts after
 * their heading, and the maturity chart (criterion id, then "final / target").
 * Labels are rebuilt in the report's language from the locked assessment, so
 * a changed label is missed, and so named as missing, rather than misread.
 */
export function pdfFigures(text: string, view: ResultView, language: string): PrintedFigure[] {
  const t = reportStrings(language);
  const lib = libraryText(language);
  const flat = flatText(text);
  const start = Math.max(0, flat.search(new RegExp(`${escape(t('document.summary.scores'))} ${escape(t('document.summary.scope'))}`)));
  const endAt = flat.indexOf(flatText(t('document.summary.topGaps')), start);
  const summary = flat.slice(start, endAt > start ? endAt : undefined);
  const printed: PrintedFigure[] = [];
  const find = (key: string, pattern: string, within = summary) => {
    const match = new RegExp(pattern).exec(within);
    if (match) printed.push({ key, text: match[1]!, where: 'executive summary' });
  };
  find(figureKey.overall, `${escape(t('document.summary.overall'))}\\s*${SCORE}`);
  for (const a of view.scores.articles) {
    find(figureKey.article(a.article), `${escape(t('document.summary.article', { article: a.article, title: lib.article(a.framework, { id: a.article, title: a.title }) }))}\\s*${SCORE}`);
  }
  for (const s of view.scores.sections) {
    find(figureKey.section(s.framework), `${escape(lib.framework({ id: s.framework, title: s.title }))} ${escape(t('document.offences.separate'))}\\s*${SCORE}`);
  }
  const flagsAt = summary.indexOf(flatText(t('document.summary.flags')));
  if (flagsAt >= 0) {
    const counts = summary.slice(flagsAt);
    for (const s of SEVERITIES) find(figureKey.flags(s), `${escape(t(`document.severity.${s}`))} (\\d+)`, counts);
  }
  const chartAt = summary.indexOf(flatText(t('document.summary.maturityChart')));
  if (chartAt >= 0) {
    const chart = summary.slice(chartAt);
    for (const c of view.criteria.filter((x) => x.applicable)) find(figureKey.criterion(c.id), `(?:^|\\s)${escape(c.id)} (\\d+) ?/ ?(?:\\d+|—)`, chart);
  }
  return printed;
}
