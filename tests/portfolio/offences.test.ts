/**
 * PI-1.3 in the consultant's portfolio: the legal framework pack's criteria,
 * families and flag are pooled like any other, and the guideline draft turns
 * their gaps into recommendations quoting the offence paragraphs.
 */
import { describe, expect, it } from 'vitest';
import { portfolioOf } from '../../api/portfolio-handlers.js';
import { builtInLibrary } from '../../shared/library/builtin.js';
import { familyList } from '../../shared/library/library.js';
import { guidelineData, type GuidelineLibrary } from '../../shared/portfolio/guideline.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { importAuthorities, THREE } from './fixtures.js';

const temp = useTempRegisters();
const library = builtInLibrary();
const LIB: GuidelineLibrary = { frameworks: [...library.frameworks.values()], families: familyList(library) };

// Three copies of the demo draft: as is; every control one level lower (without vetting); one level higher.
// legal_framework 3 / 2 / 4 and action 2 / 1 / 3 (both with evidence inside 24 months, so 4 and 3 stand).
// The assessor's overrides 18 → 1 and 20 → 0 travel with each copy.
describe('the pack in the portfolio', () => {
  it('counts each offence criterion below target like any other criterion', () => {
    const register = temp.open();
    importAuthorities(register, THREE);
    const portfolio = portfolioOf(register);
    const below = (id: string) => portfolio.criteria.find((c) => c.frameworkId === 'uncac-offences' && c.id === id);
    // 15 (target 3): 3 / 2 / 4 → only the weaker copy is below.
    expect(below('15')).toMatchObject({ population: 3, belowTarget: 1, distribution: [0, 0, 1, 1, 1] });
    // 18 overridden to 1 and 20 to 0 everywhere.
    expect(below('18')).toMatchObject({ population: 3, belowTarget: 3, distribution: [0, 3, 0, 0, 0] });
    expect(below('20')).toMatchObject({ population: 3, belowTarget: 3, distribution: [3, 0, 0, 0, 0] });
    // 30.1 = min(legal, action) = 2 / 1 / 3 against a target of 3.
    expect(below('30.1')).toMatchObject({ population: 3, belowTarget: 2, distribution: [0, 1, 1, 1, 0] });
    expect(portfolio.flagKinds.find((f) => f.kind === 'offence-not-established')).toEqual({ kind: 'offence-not-established', authorities: 3 });
    expect(portfolio.familyGaps.find((f) => f.family === 'legal_framework')).toMatchObject({ core: false, population: 3, missing: 0 });
  });

  it('the guideline draft ranks the offence gaps and quotes the paragraph, with the legal framework recommendation', () => {
    const register = temp.open();
    importAuthorities(register, THREE);
    const g = guidelineData(portfolioOf(register), LIB, 'en', { criteria: 40 });
    const gap = g.gaps.find((x) => x.kind === 'criterion' && x.id === '18')!;
    expect(gap).toMatchObject({ count: 3, population: 3, share: 1 });
    const art18 = library.frameworks.get('uncac-offences')!.criteria.find((c) => c.id === '18')!;
    expect(gap.references).toEqual([expect.objectContaining({ paragraph: 'Art. 18', text: art18.text, obligation: 'consider' })]);
    expect(gap.measures.map((m) => m.family)).toEqual(['legal_framework']);
    expect(gap.measures[0]!.recommendation).toBe(library.families.get('legal_framework')!.recommendation);
  });
});
