/**
 * The draft guideline: the most common gap comes first, groups come in the
 * order criteria → core families → chain cells, suppressed figures never make
 * a gap, and each gap carries its criterion's families with the library's
 * recommendations and its UNCAC paragraph in English.
 */
import { describe, expect, it } from 'vitest';
import { portfolioOf } from '../../api/portfolio-handlers.js';
import { builtInLibrary } from '../../shared/library/builtin.js';
import { familyList } from '../../shared/library/library.js';
import { libraryText } from '../../shared/library/translations.js';
import { buildPortfolio } from '../../shared/portfolio/aggregate.js';
import { guidelineData, type GuidelineLibrary } from '../../shared/portfolio/guideline.js';
import type { Portfolio, PortfolioCriterion } from '../../shared/portfolio/types.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { importAuthorities, THREE } from './fixtures.js';

const temp = useTempRegisters();
const library = builtInLibrary();
const LIB: GuidelineLibrary = { frameworks: [...library.frameworks.values()], families: familyList(library) };
const uncac = library.frameworks.get('uncac-7-12')!;

/** A hand-made portfolio of 5 authorities, so the ranking is known in advance. */
function handMade(): Portfolio {
  const empty = buildPortfolio([], { k: 3, generatedAt: '2026-11-01T10:00:00.000Z', families: familyList(library), stages: library.stages, riskTypes: library.riskTypes });
  const criterion = (id: string, below: number | null, population = 5): PortfolioCriterion => {
    const c = uncac.criteria.find((x) => x.id === id)!;
    const shown = below !== null;
    return {
      id,
      frameworkId: 'uncac-7-12',
      article: c.article,
      paragraph: c.paragraph,
      obligation: c.obligation,
      title: c.title,
      target: c.target,
      population,
      distribution: shown ? [below, 0, population - below, 0, 0] : [null, null, null, null, null],
      belowTarget: below,
      belowTargetShare: shown ? below / population : null,
      suppressed: !shown,
    };
  };
  return {
    ...empty,
    authorities: 5,
    usingDrafts: 0,
    suppressed: false,
    // 7.1(a) 2/5, 7.1(b) 4/5 (the most common), 7.4 suppressed (population 2) though all are below, 12.1 none.
    criteria: [criterion('7.1(a)', 2), criterion('7.1(b)', 4), criterion('7.4', null, 2), criterion('12.1', 0)],
    familyGaps: empty.familyGaps.map((g) => ({ ...g, population: 5, missing: g.family === 'vetting' ? 1 : g.family === 'e_permitting' ? 3 : 0, suppressed: false })),
    cells: empty.cells.map((c, i) => ({ ...c, population: 5, highOrCritical: i === 3 ? 5 : 0, bands: { low: i === 3 ? 0 : 5, medium: 0, high: i === 3 ? 2 : 0, critical: i === 3 ? 3 : 0 }, suppressed: false })),
    flagKinds: empty.flagKinds.map((f) => ({ ...f, authorities: 0 })),
  };
}

describe('guideline', () => {
  it('ranks the most common gap first, then core families, then chain cells; suppressed figures make no gap', () => {
    const g = guidelineData(handMade(), LIB, 'en');
    expect(g.gaps.map((x) => `${x.kind}:${x.id}`)).toEqual([
      'criterion:7.1(b)',
      'criterion:7.1(a)',
      'family:e_permitting',
      'family:vetting',
      `cell:${library.stages[0]!.id}/${library.riskTypes[3]!.id}`,
    ]);
    expect(g.gaps.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(g.gaps[0]!.figures[0]).toBe('4 of 5 authorities are below the target maturity of 3.');
    expect(g.gaps[3]!.figures[0]).toBe('1 of 5 authorities has no control in this family.');
    expect(g.gaps[4]!.figures[0]).toBe('5 of 5 authorities have a high or critical residual risk here (high: 2, critical: 3).');
  });

  it('ties the gap to its UNCAC paragraph (English text) and its facets’ families with the library recommendation, translated', () => {
    for (const language of ['en', 'fr', 'es']) {
      const top = guidelineData(handMade(), LIB, language).gaps[0]!;
      const def = uncac.criteria.find((c) => c.id === '7.1(b)')!;
      expect(top.references).toEqual([expect.objectContaining({ paragraph: def.paragraph, text: def.text, obligation: def.obligation })]);
      expect(top.references[0]!.text).toMatch(/^Each State Party shall/);
      const lib = libraryText(language);
      expect(top.measures.map((m) => m.family)).toEqual([...new Set(def.facets.flat())]);
      for (const m of top.measures) {
        const family = library.families.get(m.family)!;
        expect(m.recommendation).toBe(lib.familyRecommendation(family));
        expect(m.title).toBe(lib.family(family));
        expect(m.paragraphs).toContain(def.paragraph);
      }
      if (language !== 'en') expect(top.measures[0]!.recommendation).not.toBe(library.families.get(top.measures[0]!.family)!.recommendation);
    }
  });

  it('on a register: nothing below k authorities; from k on, ranked by share within each group', () => {
    const register = temp.open();
    importAuthorities(register, THREE.slice(0, 2));
    expect(guidelineData(portfolioOf(register), LIB, 'en')).toMatchObject({ suppressed: true, gaps: [] });
    importAuthorities(register, [THREE[2]!, { shift: -2 }], 3);
    const portfolio = portfolioOf(register);
    const g = guidelineData(portfolio, LIB, 'es');
    expect(g.suppressed).toBe(false);
    const kinds = g.gaps.map((x) => x.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['criterion', 'family', 'cell'].indexOf(a) - ['criterion', 'family', 'cell'].indexOf(b)));
    const criteria = g.gaps.filter((x) => x.kind === 'criterion');
    const best = Math.max(...portfolio.criteria.map((c) => c.belowTargetShare ?? 0));
    expect(criteria[0]!.share).toBe(best);
    for (let i = 1; i < criteria.length; i += 1) expect(criteria[i]!.share).toBeLessThanOrEqual(criteria[i - 1]!.share);
    for (const gap of g.gaps) {
      expect(gap.count).toBeGreaterThan(0);
      expect(gap.population).toBeGreaterThanOrEqual(3);
      expect(gap.measures.length).toBeGreaterThan(0);
      expect(gap.references.length).toBeGreaterThan(0);
    }
    // Core families only, and the figures match the portfolio's.
    for (const gap of g.gaps.filter((x) => x.kind === 'family')) {
      const family = portfolio.familyGaps.find((f) => f.family === gap.id)!;
      expect(family.core).toBe(true);
      expect(gap.count).toBe(family.missing);
    }
  });
});
