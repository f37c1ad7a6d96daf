import type { FlagKind } from '../domain/vocabulary.js';
import type { FlagSubject } from '../methodology/flags/types.js';

/**
 * What each param of a flag is, grammatically, so the text layer can turn it
 * into a Term with declined forms (shared/report/grammar.ts) and the language
 * regression test can render every kind with every value a param can take.
 * - `riskType`, `stage`, `family`: a library id;
 * - `level`: a maturity level 0–4; `band`: a residual band;
 * - `{ count: unit }`: a number whose unit has plural forms (`flags.units.<unit>`);
 * - `number`: a plain whole number; `score`: a one-decimal figure; `date` / `optionalDate`: an ISO date ('' = none);
 * - `{ oneOf: [...] }`: a switch the sentence's context reads;
 * - `stageList`: comma-separated stage ids, each named with the inherent risk at the same place in `inherents`.
 */
export type ParamGrammar = 'stageList' | 'riskType' | 'stage' | 'family' | 'level' | 'band' | 'number' | 'score' | 'date' | 'optionalDate' | { count: string } | { oneOf: readonly (string | number)[] };

export interface FlagGrammar {
  subject: FlagSubject['type'];
  params: Readonly<Record<string, ParamGrammar>>;
  /** The i18next-style context of the reason (`reason.<kind>_<context>`) for these params, if the sentence varies. */
  reasonContext?: (params: Readonly<Record<string, string | number>>) => string | undefined;
}

/**
 * One entry per flag kind: adding a kind means one entry here plus its
 * `reason` and `remedy` templates in shared/report/strings/flags.<lang>.json
 * (the compiler asks for the entry; tests/language asks for the templates).
 */
export const FLAG_GRAMMAR: Readonly<Record<FlagKind, FlagGrammar>> = {
  'criterion-below-target': {
    subject: 'criterion',
    params: { maturity: 'level', target: 'level', weight: 'number', points: { count: 'gapPoints' } },
  },
  'missing-core-family': { subject: 'family', params: { family: 'family' } },
  'chain-residual-risk': { subject: 'cell', params: { stage: 'stage', riskType: 'riskType', residual: 'score', band: 'band' } },
  'unsupported-claim': { subject: 'control', params: { stated: 'level', effective: 'level', months: { count: 'months' } } },
  'stale-evidence': {
    subject: 'control',
    params: { months: { count: 'months' }, hasEvidence: { oneOf: [0, 1] } },
    reasonContext: (p) => (p.hasEvidence === 0 ? 'none' : undefined),
  },
  'data-contradicts-likelihood': {
    subject: 'cell',
    params: { stage: 'stage', riskType: 'riskType', perThousand: 'score', suggested: 'number', likelihood: 'number' },
  },
  'offence-not-established': {
    subject: 'criterion',
    params: { maturity: 'level', riskType: 'riskType', threshold: 'number', stages: 'stageList' },
  },
  'overdue-review': {
    subject: 'control',
    params: { months: { count: 'months' }, lastReviewed: 'optionalDate' },
    reasonContext: (p) => (p.lastReviewed ? undefined : 'never'),
  },
};
