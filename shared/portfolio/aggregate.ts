import { FLAG_KINDS, MATURITY_LEVELS, RISK_BANDS, type RiskBand } from '../domain/vocabulary.js';
import type { AssessmentResult } from '../methodology/assess.js';
import type { Snapshot } from '../snapshot/schema.js';
import { MIN_K, type Portfolio, type PortfolioCell, type PortfolioCriterion, type PortfolioFamilyGap, type Suppressible } from './types.js';

export interface PortfolioInput {
  authorityUid: string;
  result: AssessmentResult;
  snapshot: Snapshot;
  /** True when the member contributes a draft because it has no locked assessment. */
  draft?: boolean;
}

export interface PortfolioOptions {
  k: number;
  generatedAt: string;
  /** Authorities of the register that have no assessment and so are not pooled. */
  withoutAssessment?: number;
  /** The register library's vocabulary, in its order (English: formats translate). */
  families: ReadonlyArray<{ id: string; title: string; core: boolean; recommendation: string }>;
  stages: ReadonlyArray<{ id: string; title: string }>;
  riskTypes: ReadonlyArray<{ id: string; title: string }>;
}

/*
 * Why population-based suppression. The issue asks that "any figure drawn from
 * fewer than k authorities" be suppressed, and that "a portfolio of 2
 * authorities shows no figure; of 3 it does". So the test is on the group a
 * figure is computed over (the authorities for which a criterion applies, that
 * carry a chain cell, …), not on the size of the count itself: a count such as
 * "1 of 8 below target" names no one, because any of 8 authorities could be the
 * one, whereas any figure over 1 or 2 authorities is close to a statement about
 * a known authority. Suppressing small counts instead (cell suppression) would
 * hide exactly the rare gaps a consultant must see, and would need
 * complementary suppression to stop the hidden count being recovered from the
 * total. Population-based suppression needs neither and is simple to audit:
 * each figure carries its population, and every figure over fewer than k is null.
 */

/** Pools members' PI-1 results into counts only: no uid, name or title of an authority is copied. */
export function buildPortfolio(members: readonly PortfolioInput[], options: PortfolioOptions): Portfolio {
  const { k } = options;
  if (!Number.isInteger(k) || k < MIN_K) throw new RangeError(`k must be a whole number of at least ${MIN_K}, got ${k}`);
  // Populations count authorities, so one authority must not be pooled twice (two of its assessments).
  const uids = new Set(members.map((m) => m.authorityUid));
  if (uids.size !== members.length) throw new RangeError('each authority may contribute one assessment to a portfolio');
  const total = members.length;
  const suppressed = total < k;
  const figure = (population: number, value: number): Suppressible => (suppressed || population < k ? null : value);
  const visible = (population: number): Suppressible => (suppressed ? null : population);

  return {
    k,
    generatedAt: options.generatedAt,
    authorities: total,
    usingDrafts: figure(total, members.filter((m) => m.draft).length),
    withoutAssessment: options.withoutAssessment ?? 0,
    suppressed,
    criteria: criteriaOf(members, figure, visible),
    flagKinds: FLAG_KINDS.map((kind) => ({ kind, authorities: figure(total, members.filter((m) => m.result.flags.some((f) => f.kind === kind)).length) })),
    familyGaps: familyGapsOf(members, options.families, figure, visible),
    cells: cellsOf(members, options.stages, options.riskTypes, figure, visible),
    stages: options.stages.map(({ id, title }) => ({ id, title })),
    riskTypes: options.riskTypes.map(({ id, title }) => ({ id, title })),
    families: options.families.map(({ id, title, core, recommendation }) => ({ id, title, core, recommendation })),
  };
}

type Figure = (population: number, value: number) => Suppressible;
type Visible = (population: number) => Suppressible;

function criteriaOf(members: readonly PortfolioInput[], figure: Figure, visible: Visible): PortfolioCriterion[] {
  // Criteria in the order members' results list them (the library's order), each framework's paragraph once.
  const byKey = new Map<string, { first: AssessmentResult['criteria'][number]; finals: number[]; below: number }>();
  for (const member of members) {
    for (const c of member.result.criteria) {
      const key = `${c.frameworkId}\u0000${c.id}`;
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { first: c, finals: [], below: 0 }));
      if (!c.applicable) continue;
      entry.finals.push(c.final);
      // meetsTarget is PI-1's own verdict (target 0 is never a gap); it is not re-derived here.
      if (!c.meetsTarget) entry.below += 1;
    }
  }
  return [...byKey.values()].map(({ first, finals, below }) => {
    const population = finals.length;
    const belowTarget = figure(population, below);
    return {
      id: first.id,
      frameworkId: first.frameworkId,
      article: first.article,
      paragraph: first.paragraph,
      obligation: first.obligation,
      title: first.title,
      target: first.target,
      population: visible(population),
      distribution: MATURITY_LEVELS.map((level) => figure(population, finals.filter((m) => m === level).length)),
      belowTarget,
      belowTargetShare: belowTarget === null ? null : below / population,
      suppressed: belowTarget === null,
    };
  });
}

function familyGapsOf(members: readonly PortfolioInput[], families: PortfolioOptions['families'], figure: Figure, visible: Visible): PortfolioFamilyGap[] {
  return families.map((family) => {
    // A member whose snapshot does not know the family (a custom one) is not in its population.
    const population = members.filter((m) => m.snapshot.families.some((f) => f.id === family.id));
    const missing = population.filter((m) => !m.result.controls.some((c) => c.family === family.id)).length;
    const value = figure(population.length, missing);
    return { family: family.id, core: family.core, population: visible(population.length), missing: value, suppressed: value === null };
  });
}

function cellsOf(members: readonly PortfolioInput[], stages: PortfolioOptions['stages'], riskTypes: PortfolioOptions['riskTypes'], figure: Figure, visible: Visible): PortfolioCell[] {
  const bandsByCell = new Map<string, RiskBand[]>();
  for (const member of members) {
    for (const cell of member.result.chain) {
      const key = `${cell.stage}/${cell.riskType}`;
      const list = bandsByCell.get(key);
      if (list) list.push(cell.band);
      else bandsByCell.set(key, [cell.band]);
    }
  }
  return stages.flatMap((stage) =>
    riskTypes.map((risk): PortfolioCell => {
      const bands = bandsByCell.get(`${stage.id}/${risk.id}`) ?? [];
      const population = bands.length;
      const highOrCritical = figure(population, bands.filter((b) => b === 'high' || b === 'critical').length);
      return {
        stage: stage.id,
        riskType: risk.id,
        population: visible(population),
        highOrCritical,
        bands: Object.fromEntries(RISK_BANDS.map((band) => [band, figure(population, bands.filter((b) => b === band).length)])),
        suppressed: highOrCritical === null,
      };
    }),
  );
}
