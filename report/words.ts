import { builtInFrameworks } from '../shared/library/builtin.js';
import { libraryText } from '../shared/library/translations.js';
import type { Flag } from '../shared/methodology/flags/types.js';
import type { QualityItem } from '../shared/report/quality-check.js';
import type { ReportData } from '../shared/report/report-data.js';
import { flagText } from '../shared/report/flag-text.js';
import { termsOf } from '../shared/report/grammar.js';
import { firstOfMonth, reportFormat, reportStrings, type ReportT, type StringParam } from '../shared/report/strings.js';
import { once } from '../shared/util/once.js';

/**
 * Everything the report says, in one language: the report's own strings,
 * the library's translated titles, and flag and quality-check sentences
 * rebuilt from their kind and params (so dates and numbers read the same in
 * every language), with the English sentence PI-1 wrote as the fallback.
 */
export interface Words {
  language: string;
  t: ReportT;
  fmt: ReturnType<typeof reportFormat> & { percent(value: number | null | undefined): string; number(value: number): string; dateTime(iso: string): string };
  lib: ReturnType<typeof libraryText>;
  criterion(id: string, fallback?: string): string;
  criterionTitle(c: { id: string; title: string }): string;
  family(id: string, fallback?: string): string;
  familyRecommendation(f: { id: string; recommendation: string }): string;
  stage(id: string): string;
  riskType(id: string): string;
  article(frameworkId: string, article: string, title: string): string;
  applicabilityJustification(criterionId: string, text: string): string;
  flagSubject(flag: Flag): string;
  flagReason(flag: Flag): string;
  flagRemedy(flag: Flag): string;
  quality(item: QualityItem): string;
}

const LOCALES: Record<string, string> = { en: 'en-GB' };

/** The library's own not-applicable reasons, which have translations; an assessor's own words stay as written. */
function libraryReasons(): Map<string, string> {
  return new Map(builtInFrameworks().flatMap((f) => f.criteria.filter((c) => c.notApplicableReason).map((c) => [c.id, c.notApplicableReason!] as const)));
}

interface IntlSet {
  oneDecimal(): Intl.NumberFormat;
  plain(): Intl.NumberFormat;
  dateTime(): Intl.DateTimeFormat;
}

const intlByLocale = new Map<string, IntlSet>();

/** The formatters per locale, each made on first use: building one costs far more than a report page's use of it. */
function intlFor(locale: string): IntlSet {
  let set = intlByLocale.get(locale);
  if (!set) {
    set = {
      oneDecimal: once(() => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })),
      plain: once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 })),
      dateTime: once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })),
    };
    intlByLocale.set(locale, set);
  }
  return set;
}

export function reportWords(data: ReportData, language: string): Words {
  const t = reportStrings(language);
  const base = reportFormat(language);
  const intl = intlFor(LOCALES[language] ?? language);
  const fmt = {
    ...base,
    percent: (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${intl.oneDecimal().format(value)} %`),
    number: (value: number) => intl.plain().format(value),
    dateTime: (iso: string) => `${firstOfMonth(language, intl.dateTime().format(new Date(iso)))} UTC`,
  };
  const lib = libraryText(language);
  const criteria = new Map(data.criteria.map((c) => [c.id, c]));
  const families = new Map(data.labels.families.map((f) => [f.id, f]));
  const stages = new Map(data.labels.stages.map((s) => [s.id, s]));
  const risks = new Map(data.labels.riskTypes.map((r) => [r.id, r]));
  let reasons: Map<string, string> | null = null;
  const terms = termsOf(language, { criteria: data.criteria, families: data.labels.families, stages: data.labels.stages, riskTypes: data.labels.riskTypes });

  const criterionTitle = (c: { id: string; title: string }) => lib.criterionTitle(c);
  const criterion = (id: string, fallback = id) => {
    const c = criteria.get(id);
    return c ? `${c.paragraph} ${criterionTitle(c)}` : fallback;
  };
  const family = (id: string, fallback = id) => {
    const f = families.get(id);
    return f ? lib.family(f) : fallback;
  };
  const stage = (id: string) => {
    const s = stages.get(id);
    return s ? lib.stage(s) : id;
  };
  const riskType = (id: string) => {
    const r = risks.get(id);
    return r ? lib.riskType(r) : id;
  };

  const flags = flagText(language, {
    criteria: data.criteria,
    families: data.labels.families,
    stages: data.labels.stages,
    riskTypes: data.labels.riskTypes,
    asOf: data.assessment.asOf,
  });

  function quality(item: QualityItem): string {
    const params: Record<string, StringParam> = { ...item.params, subject: item.subject.label };
    if (item.subject.type === 'criterion') {
      params.subject = criterion(item.subject.id, item.subject.label);
      params.paragraph = terms.criterion(item.subject.id, item.subject.label);
    }
    if (item.kind === 'not-locked') params.status = t(`document.status.${item.params.status}`);
    if (typeof item.params.date === 'string') params.date = fmt.date(item.params.date);
    if (typeof item.params.expiry === 'string') params.expiry = fmt.date(item.params.expiry);
    if (typeof item.params.months === 'number') params.months = terms.count('months', item.params.months);
    const text = t(`document.quality.item.${item.kind}`, params);
    return text.startsWith('document.') || text.includes('{{') ? item.message : text;
  }

  function applicabilityJustification(criterionId: string, text: string): string {
    if (language === 'en') return text;
    reasons ??= libraryReasons();
    // Only the library's own default reason is translated; anything the assessor typed is evidence and stays verbatim.
    if (reasons.get(criterionId) !== text) return text;
    return lib.notApplicableReason({ id: criterionId, notApplicableReason: text }) ?? text;
  }

  return {
    language,
    t,
    fmt,
    lib,
    criterion,
    criterionTitle,
    family,
    familyRecommendation: (f) => lib.familyRecommendation(f),
    stage,
    riskType,
    article: (frameworkId, article, title) => lib.article(frameworkId, { id: article, title }),
    applicabilityJustification,
    flagSubject: flags.subject,
    flagReason: flags.reason,
    flagRemedy: flags.remedy,
    quality,
  };
}
