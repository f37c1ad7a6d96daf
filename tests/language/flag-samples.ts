/**
 * Synthetic flags of every kind the code defines, built from FLAG_GRAMMAR:
 * every param takes every value its grammar allows (every library term,
 * singular and plural counts, every level and band, a first-of-month date),
 * one param at a time, and every subject the kind can name. A kind added to
 * FLAG_KINDS is sampled here as soon as it has its FLAG_GRAMMAR entry.
 */
import { builtInBase, builtInFrameworks } from '../../shared/library/builtin.js';
import { FLAG_KINDS, MATURITY_LEVELS, RISK_BANDS, type FlagKind } from '../../shared/domain/vocabulary.js';
import type { Flag } from '../../shared/methodology/flags/types.js';
import { FLAG_GRAMMAR, type ParamGrammar } from '../../shared/report/flag-grammar.js';
import type { FlagLabels } from '../../shared/report/flag-text.js';

/** Marks the English fallback, so a test can tell a rendered template from PI-1's own sentence. */
export const FALLBACK = '<no template>';

const base = builtInBase();
export const LABELS: FlagLabels = {
  criteria: builtInFrameworks().flatMap((f) => f.criteria),
  families: base.families,
  stages: base.stages,
  riskTypes: base.riskTypes,
  // The first of a month, so French must write "1er".
  asOf: '2026-10-01',
};

/** Control titles an assessor could type, opening on a vowel, an h, a consonant, with an apostrophe and a quote. */
export const CONTROL_TITLES = ['Integrity policy of the authority', 'Politique d’intégrité', 'Habilitation des signataires', 'Accès électronique aux permis', 'Rotación de inspectores'];

export function samples(grammar: ParamGrammar): Array<string | number> {
  if (typeof grammar === 'object') return 'count' in grammar ? [1, 2, 24, 0] : [...grammar.oneOf];
  switch (grammar) {
    case 'riskType':
      return base.riskTypes.map((r) => r.id);
    case 'stage':
      return base.stages.map((s) => s.id);
    case 'family':
      return base.families.map((f) => f.id);
    case 'level':
      return [...MATURITY_LEVELS];
    case 'band':
      return [...RISK_BANDS];
    case 'number':
      return [1, 2, 3];
    case 'score':
      return [10, 12.5, 17.25];
    case 'date':
      return ['2025-10-01', '2025-04-08'];
    case 'optionalDate':
      return ['2025-10-01', '2025-04-08', ''];
    case 'stageList':
      return [base.stages.slice(0, 1).map((s) => s.id).join(','), base.stages.slice(0, 3).map((s) => s.id).join(',')];
  }
}

function subjects(kind: FlagKind, params: Record<string, string | number>): Flag['subject'][] {
  switch (FLAG_GRAMMAR[kind].subject) {
    case 'criterion':
      return LABELS.criteria.map((c) => ({ type: 'criterion', id: c.id, label: `${c.paragraph} ${c.title}` }));
    case 'family':
      return LABELS.families.map((f) => ({ type: 'family', id: f.id, label: f.title }));
    case 'control':
      return CONTROL_TITLES.map((title, i) => ({ type: 'control', id: `control-${i}`, label: title }));
    case 'cell': {
      const stages = typeof params.stage === 'string' ? [params.stage] : LABELS.stages.map((s) => s.id);
      const risks = typeof params.riskType === 'string' ? [params.riskType] : LABELS.riskTypes.map((r) => r.id);
      return stages.flatMap((s) => risks.map((r) => ({ type: 'cell' as const, id: `${s}/${r}`, label: `${s} × ${r}` })));
    }
  }
}

function flag(kind: FlagKind, subject: Flag['subject'], params: Record<string, string | number>): Flag {
  // A family param names the subject family, as PI-1's own flags do.
  const own = subject.type === 'family' && 'family' in params ? { ...params, family: subject.id } : params;
  return { kind, severity: 'high', subject, reason: FALLBACK, params: own, remedy: { action: FALLBACK, families: [] } };
}

/** Plausible values for the golden sentences; a param not named here takes its first sample. */
const GOLDEN_PARAMS: Record<string, string | number> = {
  maturity: 1,
  target: 3,
  weight: 2,
  points: 4,
  riskType: 'abuse_of_functions',
  stage: 'import_verification',
  residual: 12.5,
  band: 'high',
  stated: 3,
  effective: 2,
  months: 24,
  hasEvidence: 1,
  lastReviewed: '2025-04-08',
};

/** The sample flags of a kind whose sentences a translator reviewed: one per context its reason can take. */
export function goldenFlags(kind: FlagKind): Flag[] {
  const grammar = FLAG_GRAMMAR[kind];
  const golden = Object.fromEntries(Object.entries(grammar.params).map(([name, g]) => [name, GOLDEN_PARAMS[name] ?? samples(g)[0]!]));
  const variants = [golden];
  for (const [name, g] of Object.entries(grammar.params)) {
    for (const value of samples(g)) {
      const params = { ...golden, [name]: value };
      const context = grammar.reasonContext?.(params);
      if (!variants.some((v) => grammar.reasonContext?.(v) === context)) variants.push(params);
    }
  }
  return variants.map((params) => flag(kind, subjects(kind, params)[0]!, params));
}

/** Every flag kind with every value of every param and every subject. */
export function allFlags(): Flag[] {
  return FLAG_KINDS.flatMap((kind) => {
    const grammar = FLAG_GRAMMAR[kind];
    const first = Object.fromEntries(Object.entries(grammar.params).map(([name, g]) => [name, samples(g)[0]!]));
    const out = subjects(kind, first).map((subject) => flag(kind, subject, first));
    for (const [name, g] of Object.entries(grammar.params)) {
      for (const value of samples(g).slice(1)) {
        const params = { ...first, [name]: value };
        out.push(...subjects(kind, params).slice(0, 3).map((subject) => flag(kind, subject, params)));
      }
    }
    return out;
  });
}
