import { libraryText } from '../library/translations.js';
import type { Family, Framework } from '../library/schema.js';
import { coversCell } from '../methodology/chain.js';
import { reportStrings } from '../report/strings.js';
import type { Portfolio, PortfolioCriterion } from './types.js';

/** A treaty paragraph a gap or measure is tied to; the text is quoted in English, one of the six equally authentic texts. */
export interface GuidelineReference {
  frameworkId: string;
  criterionId: string;
  paragraph: string;
  obligation: string;
  obligationLabel: string;
  title: string;
  text: string;
}

export interface GuidelineMeasure {
  family: string;
  title: string;
  core: boolean;
  recommendation: string;
  /** The paragraphs (of criteria in the portfolio) whose facets this family serves. */
  paragraphs: string[];
}

export interface GuidelineGap {
  rank: number;
  kind: 'criterion' | 'family' | 'cell';
  id: string;
  title: string;
  count: number;
  population: number;
  share: number;
  /** The anonymised counts that motivate the gap, as sentences in the chosen language. */
  figures: string[];
  references: GuidelineReference[];
  measures: GuidelineMeasure[];
}

export interface GuidelineData {
  language: string;
  generatedAt: string;
  k: number;
  authorities: number;
  usingDrafts: number | null;
  suppressed: boolean;
  treatyInEnglishOnly: boolean;
  gaps: GuidelineGap[];
}

export interface GuidelineLibrary {
  frameworks: readonly Framework[];
  families: readonly Family[];
}

export interface GuidelineLimits {
  criteria: number;
  families: number;
  cells: number;
}

const DEFAULT_LIMITS: GuidelineLimits = { criteria: 10, families: 5, cells: 5 };

interface Candidate {
  kind: GuidelineGap['kind'];
  id: string;
  count: number;
  population: number;
  order: number;
}

/** Most common first; equal shares keep the library's order so the draft reads the same every time. */
function ranked(list: Candidate[], limit: number): Candidate[] {
  return list
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count / b.population - a.count / a.population || b.count - a.count || a.order - b.order)
    .slice(0, limit);
}

/**
 * The draft integrity guideline's content: the most common gaps of the
 * portfolio (criteria below target, then core families most often missing,
 * then chain cells most often high or critical), each with the treaty
 * paragraphs it is tied to, the library's recommended measures and the
 * anonymised counts behind it. Suppressed figures never make a gap.
 */
export function guidelineData(portfolio: Portfolio, library: GuidelineLibrary, language: string, limits: Partial<GuidelineLimits> = {}): GuidelineData {
  const max = { ...DEFAULT_LIMITS, ...limits };
  const t = reportStrings(language);
  const lib = libraryText(language);
  const criterionDefs = new Map(library.frameworks.flatMap((f) => f.criteria.map((c) => [`${f.id}\u0000${c.id}`, c] as const)));
  const families = new Map(library.families.map((f) => [f.id, f]));
  // reportStrings picks `_one`/`_other` by the language's plural rules (French treats 0 and 1 as singular).
  const counted = (key: string, params: Record<string, string | number> & { count: number }) => t(key, params);
  const facetsOf = (c: PortfolioCriterion) => criterionDefs.get(`${c.frameworkId}\u0000${c.id}`)?.facets.flat() ?? [];

  const reference = (c: PortfolioCriterion): GuidelineReference => ({
    frameworkId: c.frameworkId,
    criterionId: c.id,
    paragraph: c.paragraph,
    obligation: c.obligation,
    obligationLabel: t(`portfolio.obligation.${c.obligation}`),
    title: lib.criterionTitle(c),
    text: criterionDefs.get(`${c.frameworkId}\u0000${c.id}`)?.text ?? '',
  });
  const measure = (id: string): GuidelineMeasure | null => {
    const family = families.get(id);
    if (!family) return null;
    // Only criteria that apply to some authority: a paragraph every authority set aside serves no one.
    const paragraphs = portfolio.criteria.filter((c) => c.population && facetsOf(c).includes(id)).map((c) => c.paragraph);
    return { family: id, title: lib.family(family), core: family.core, recommendation: lib.familyRecommendation(family), paragraphs: [...new Set(paragraphs)] };
  };
  const measures = (ids: Iterable<string>) => [...new Set(ids)].map(measure).filter((m): m is GuidelineMeasure => m !== null);
  const outOf = (count: number, population: number) => ({ count, population });

  if (portfolio.suppressed) return header([]);

  const criteria = ranked(
    portfolio.criteria.flatMap((c, order) => (c.belowTarget === null || c.population === null ? [] : [{ kind: 'criterion' as const, id: `${c.frameworkId}\u0000${c.id}`, count: c.belowTarget, population: c.population, order }])),
    max.criteria,
  );
  const core = ranked(
    portfolio.familyGaps.flatMap((g, order) => (!g.core || g.missing === null || g.population === null ? [] : [{ kind: 'family' as const, id: g.family, count: g.missing, population: g.population, order }])),
    max.families,
  );
  const cells = ranked(
    portfolio.cells.flatMap((c, order) => (c.highOrCritical === null || c.population === null ? [] : [{ kind: 'cell' as const, id: `${c.stage}/${c.riskType}`, count: c.highOrCritical, population: c.population, order }])),
    max.cells,
  );

  const gaps = [...criteria, ...core, ...cells].map((candidate, index): GuidelineGap => {
    const base = { rank: index + 1, kind: candidate.kind, count: candidate.count, population: candidate.population, share: candidate.count / candidate.population };
    if (candidate.kind === 'criterion') {
      const c = portfolio.criteria.find((x) => `${x.frameworkId}\u0000${x.id}` === candidate.id)!;
      const levels = c.distribution.map((n, level) => t('portfolio.guideline.figures.level', { level, count: n ?? 0 })).join(', ');
      return {
        ...base,
        id: c.id,
        title: `${c.paragraph} — ${lib.criterionTitle(c)}`,
        figures: [
          counted('portfolio.guideline.figures.belowTarget', { ...outOf(candidate.count, candidate.population), target: c.target }),
          t('portfolio.guideline.figures.distribution', { levels }),
        ],
        references: [reference(c)],
        measures: measures(facetsOf(c)),
      };
    }
    if (candidate.kind === 'family') {
      const family = families.get(candidate.id);
      const serving = portfolio.criteria.filter((c) => c.population && facetsOf(c).includes(candidate.id));
      return {
        ...base,
        id: candidate.id,
        title: family ? lib.family(family) : candidate.id,
        figures: [counted('portfolio.guideline.figures.familyMissing', outOf(candidate.count, candidate.population))],
        references: serving.map(reference),
        measures: measures([candidate.id]),
      };
    }
    const cell = portfolio.cells.find((x) => `${x.stage}/${x.riskType}` === candidate.id)!;
    const stage = portfolio.stages.find((s) => s.id === cell.stage) ?? { id: cell.stage, title: cell.stage };
    const risk = portfolio.riskTypes.find((r) => r.id === cell.riskType) ?? { id: cell.riskType, title: cell.riskType };
    // The same families PI-1's chain-residual-risk flag names as its remedy: those whose defaults cover the cell.
    const helping = library.families.filter((f) => coversCell(f, cell.stage, cell.riskType)).map((f) => f.id);
    const serving = portfolio.criteria.filter((c) => c.population && criterionDefs.get(`${c.frameworkId}\u0000${c.id}`)?.stages.includes(cell.stage) && facetsOf(c).some((f) => helping.includes(f)));
    return {
      ...base,
      id: candidate.id,
      title: `${lib.stage(stage)} × ${lib.riskType(risk)}`,
      figures: [counted('portfolio.guideline.figures.cell', { ...outOf(candidate.count, candidate.population), high: cell.bands.high ?? 0, critical: cell.bands.critical ?? 0 })],
      references: serving.map(reference),
      measures: measures(helping),
    };
  });
  return header(gaps);

  function header(list: GuidelineGap[]): GuidelineData {
    return {
      language,
      generatedAt: portfolio.generatedAt,
      k: portfolio.k,
      authorities: portfolio.authorities,
      usingDrafts: portfolio.usingDrafts,
      suppressed: portfolio.suppressed,
      treatyInEnglishOnly: lib.treatyInEnglishOnly,
      gaps: list,
    };
  }
}
