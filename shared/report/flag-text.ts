import { libraryText } from '../library/translations.js';
import type { Flag } from '../methodology/flags/types.js';
import { FLAG_GRAMMAR, type ParamGrammar } from './flag-grammar.js';
import { termsOf, type TermLabels } from './grammar.js';
import { reportFormat, reportStrings, type StringParam } from './strings.js';

/** The library labels a flag's ids resolve to, and the assessment's as-of date, which some sentences name. */
export interface FlagLabels extends TermLabels {
  asOf?: string;
}

/**
 * A flag's subject, reason and remedy in one language: the one translation of
 * flags that screens, report tables and report documents all use. Every
 * language, English included, is rendered from the templates in
 * shared/report/strings/flags.<lang>.json, with each inserted word a Term
 * (declined forms, plurals) as FLAG_GRAMMAR describes the flag's params.
 * A kind without a template keeps PI-1's own English sentence.
 */
export function flagText(language: string, labels: FlagLabels) {
  const t = reportStrings(language);
  const lib = libraryText(language);
  const terms = termsOf(language, labels);
  const asOf = labels.asOf ? reportFormat(language).date(labels.asOf) : undefined;

  function subject(flag: Flag): string {
    const id = flag.subject.id;
    switch (flag.subject.type) {
      case 'criterion': {
        const c = labels.criteria.find((x) => x.id === id);
        return c ? `${c.paragraph} ${lib.criterionTitle(c)}` : flag.subject.label;
      }
      case 'family':
        return labels.families.some((f) => f.id === id) ? terms.family(id).text : flag.subject.label;
      case 'cell': {
        const [s = '', r = ''] = id.split('/');
        return labels.stages.some((x) => x.id === s) && labels.riskTypes.some((x) => x.id === r) ? `${terms.stage(s).text} × ${terms.riskType(r).text}` : flag.subject.label;
      }
      default:
        return flag.subject.label;
    }
  }

  function param(grammar: ParamGrammar, value: string | number | undefined): StringParam {
    if (value === undefined) return '';
    if (typeof grammar === 'object') return 'count' in grammar ? terms.count(grammar.count, Number(value)) : value;
    switch (grammar) {
      case 'riskType':
        return terms.riskType(String(value));
      case 'stage':
        return terms.stage(String(value));
      case 'family':
        return terms.family(String(value));
      case 'level':
        return terms.level(Number(value));
      case 'band':
        return terms.band(String(value));
      case 'number':
        return terms.number(Number(value));
      case 'score':
        return terms.score(Number(value));
      case 'date':
      case 'optionalDate':
        return value === '' ? '' : terms.date(String(value));
      case 'stageList':
        // Built from two params at once by stageList(); never a single value.
        return String(value);
    }
  }

  /** "permit issuance (20), inspection and export endorsement (16)": each stage in the reader's language with its inherent risk. */
  function stageList(flag: Flag): string {
    const inherents = String(flag.params.inherents ?? '').split(',');
    return String(flag.params.stages ?? '')
      .split(',')
      .filter(Boolean)
      .map((id, i) => `${terms.stage(id).forms.lower ?? terms.stage(id).text} (${terms.number(Number(inherents[i] ?? 0))})`)
      .join(', ');
  }

  function params(flag: Flag): Record<string, StringParam> {
    const grammar = FLAG_GRAMMAR[flag.kind];
    const out: Record<string, StringParam> = { subject: subject(flag) };
    if (flag.subject.type === 'criterion') out.paragraph = terms.criterion(flag.subject.id, flag.subject.label);
    if (asOf) out.asOf = asOf;
    for (const [name, kind] of Object.entries(grammar.params)) out[name] = kind === 'stageList' ? stageList(flag) : param(kind, flag.params[name]);
    return out;
  }

  /** The template's sentence, or null when there is none or it names something this flag lacks. */
  function render(key: string, flag: Flag, context?: string): string | null {
    const text = t(`flags.${key}`, { ...params(flag), ...(context ? { context } : {}) });
    return text === `flags.${key}` || text.includes('{{') ? null : text;
  }

  return {
    subject,
    reason: (flag: Flag) => render(`reason.${flag.kind}`, flag, FLAG_GRAMMAR[flag.kind].reasonContext?.(flag.params)) ?? flag.reason,
    remedy: (flag: Flag) => render(`remedy.${flag.kind}`, flag) ?? flag.remedy.action,
    families: (flag: Flag) => flag.remedy.families.map((f) => ({ id: f.id, title: lib.family(f), recommendation: lib.familyRecommendation(f) })),
  };
}
