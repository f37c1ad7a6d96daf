import { libraryText } from '../library/translations.js';
import type { Flag } from '../methodology/flags/types.js';
import { reportFormat, reportStrings } from './strings.js';

/** The library labels a flag's ids resolve to; screens pass the library, reports their snapshot labels. */
export interface FlagLabels {
  criteria: ReadonlyArray<{ id: string; paragraph: string; title: string }>;
  families: ReadonlyArray<{ id: string; title: string; recommendation: string }>;
  stages: ReadonlyArray<{ id: string; title: string }>;
  riskTypes: ReadonlyArray<{ id: string; title: string }>;
  /** Translated band names for "residual … (high)"; English when absent. */
  band?: (band: string) => string;
  /** The assessment's as-of date, which some sentences name. */
  asOf?: string;
}

/**
 * A flag's subject, reason and remedy in one language: the one translation of
 * flags that screens, report tables and report documents all use. English is
 * PI-1's own sentence, word for word; French and Spanish are rebuilt from the
 * flag's kind and params (shared/report/strings/flags.<lang>.json), falling
 * back to the English sentence for any kind without a template.
 */
export function flagText(language: string, labels: FlagLabels) {
  const t = reportStrings(language);
  const fmt = reportFormat(language);
  const lib = libraryText(language);
  const locale = language === 'en' ? 'en-GB' : language;
  const criteria = new Map(labels.criteria.map((c) => [c.id, c]));
  const families = new Map(labels.families.map((f) => [f.id, f]));
  const stages = new Map(labels.stages.map((s) => [s.id, s]));
  const risks = new Map(labels.riskTypes.map((r) => [r.id, r]));
  const family = (id: string) => (families.has(id) ? lib.family(families.get(id)!) : id);
  const stage = (id: string) => (stages.has(id) ? lib.stage(stages.get(id)!) : id);
  const risk = (id: string) => (risks.has(id) ? lib.riskType(risks.get(id)!) : id);

  function subject(flag: Flag): string {
    const id = flag.subject.id;
    switch (flag.subject.type) {
      case 'criterion': {
        const c = criteria.get(id);
        return c ? `${c.paragraph} ${lib.criterionTitle(c)}` : flag.subject.label;
      }
      case 'family':
        return families.has(id) ? family(id) : flag.subject.label;
      case 'cell': {
        const [s = '', r = ''] = id.split('/');
        return stages.has(s) && risks.has(r) ? `${stage(s)} × ${risk(r)}` : flag.subject.label;
      }
      default:
        return flag.subject.label;
    }
  }

  function params(flag: Flag): Record<string, string | number> {
    const p: Record<string, string | number> = { ...flag.params, subject: subject(flag) };
    p.paragraph = criteria.get(flag.subject.id)?.paragraph ?? flag.subject.label;
    if (labels.asOf) p.asOf = fmt.date(labels.asOf);
    if (flag.kind === 'missing-core-family') p.family = family(String(flag.params.family));
    if (flag.kind === 'chain-residual-risk') {
      p.stage = stage(String(flag.params.stage));
      p.riskType = risk(String(flag.params.riskType)).toLocaleLowerCase(locale);
      p.band = (labels.band?.(String(flag.params.band)) ?? String(flag.params.band)).toLocaleLowerCase(locale);
      p.residual = fmt.score(Number(flag.params.residual));
    }
    if (flag.kind === 'data-contradicts-likelihood') {
      p.stage = stage(String(flag.params.stage));
      p.riskType = risk(String(flag.params.riskType)).toLocaleLowerCase(locale);
      p.perThousand = fmt.score(Number(flag.params.perThousand));
    }
    if (flag.kind === 'overdue-review' && flag.params.lastReviewed) p.lastReviewed = fmt.date(String(flag.params.lastReviewed));
    return p;
  }

  function reasonKey(flag: Flag): string {
    if (flag.kind === 'stale-evidence' && flag.params.hasEvidence === 0) return 'stale-evidence-none';
    if (flag.kind === 'overdue-review' && !flag.params.lastReviewed) return 'overdue-review-never';
    return flag.kind;
  }

  /** A template in this language, or null (always in English, which keeps PI-1's wording). */
  function template(key: string, flag: Flag): string | null {
    if (language === 'en') return null;
    const text = t(`flags.${key}`, params(flag));
    return text === `flags.${key}` ? null : text;
  }

  return {
    subject,
    reason: (flag: Flag) => template(`reason.${reasonKey(flag)}`, flag) ?? flag.reason,
    remedy: (flag: Flag) => template(`remedy.${flag.kind}`, flag) ?? flag.remedy.action,
    families: (flag: Flag) => flag.remedy.families.map((f) => ({ id: f.id, title: lib.family(f), recommendation: lib.familyRecommendation(f) })),
  };
}
