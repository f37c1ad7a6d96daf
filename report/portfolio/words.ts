import { libraryText } from '../../shared/library/translations.js';
import type { Portfolio, Suppressible } from '../../shared/portfolio/types.js';
import { reportFormat, reportStrings, type ReportT } from '../../shared/report/strings.js';

const LOCALES: Record<string, string> = { en: 'en-GB' };

/** The words of the portfolio documents in one language; used by HTML, XLSX, CSV and DOCX alike. */
export interface PortfolioWords {
  language: string;
  t: ReportT;
  lib: ReturnType<typeof libraryText>;
  date(iso: string): string;
  count(value: number): string;
  percent(share: number): string;
  /** A figure as text: the number, or the word for "suppressed" (never 0). */
  figure(value: Suppressible): string;
  stage(id: string): string;
  riskType(id: string): string;
  family(id: string): string;
  criterionTitle(c: { id: string; title: string }): string;
}

export function portfolioWords(portfolio: Portfolio, language: string): PortfolioWords {
  const t = reportStrings(language);
  const lib = libraryText(language);
  const locale = LOCALES[language] ?? language;
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const fmt = reportFormat(language);
  const stages = new Map(portfolio.stages.map((s) => [s.id, s]));
  const risks = new Map(portfolio.riskTypes.map((r) => [r.id, r]));
  const families = new Map(portfolio.families.map((f) => [f.id, f]));
  return {
    language,
    t,
    lib,
    date: (iso) => fmt.date(iso),
    count: (value) => whole.format(value),
    percent: (share) => pct.format(share),
    figure: (value) => (value === null ? t('portfolio.suppressed') : whole.format(value)),
    stage: (id) => lib.stage(stages.get(id) ?? { id, title: id }),
    riskType: (id) => lib.riskType(risks.get(id) ?? { id, title: id }),
    family: (id) => lib.family(families.get(id) ?? { id, title: id }),
    criterionTitle: (c) => lib.criterionTitle(c),
  };
}
