import { describe, expect, it } from 'vitest';
import { BUILT_IN_FILES, BUILT_IN_FRAMEWORK_IDS, builtInBase, builtInFrameworks, builtInLibrary } from '../../shared/library/builtin.js';
import { coreFamilies, criteriaOf, defaultFrameworkIds } from '../../shared/library/library.js';
import { assembleLibrary, parseFramework, parseLibraryBase } from '../../shared/library/load.js';
import { DataValidationError } from '../../shared/library/validation-error.js';
import libraryData from '../../shared/library/data/library.json' with { type: 'json' };
import { customFrameworkData } from './fixtures.js';

/** Runs parseFramework and returns the DataValidationError it must throw. */
function validationError(data: unknown, file = 'custom.json'): DataValidationError {
  try {
    parseFramework(file, data, builtInBase());
  } catch (error) {
    expect(error).toBeInstanceOf(DataValidationError);
    return error as DataValidationError;
  }
  throw new Error('parseFramework accepted invalid data');
}

describe('built-in library', () => {
  const lib = builtInLibrary();

  it('loads the three shipped frameworks; new assessments get 7/12 and the legal framework pack', () => {
    expect([...lib.frameworks.keys()]).toEqual([...BUILT_IN_FRAMEWORK_IDS]);
    expect(defaultFrameworkIds(lib)).toEqual(['uncac-7-12', 'uncac-offences']);
  });

  it('has the five core families of PI-1 §1', () => {
    expect(coreFamilies(lib).map((f) => f.id).sort()).toEqual(['asset_disclosure', 'code_of_conduct', 'e_permitting', 'integrity_focal_point', 'vetting']);
  });

  it('has the eight default permit-chain stages and seven risk types, each with a profile default', () => {
    expect(lib.stages).toHaveLength(8);
    expect(lib.riskTypes).toHaveLength(7);
    for (const stage of lib.stages) expect(lib.chainProfile.likelihoodByStage[stage.id]).toBeGreaterThanOrEqual(1);
    for (const risk of lib.riskTypes) expect(lib.chainProfile.impactByRiskType[risk.id]).toBeGreaterThanOrEqual(1);
  });

  it('uncac-7-12 has 16 criteria over articles 7 and 12; 7.2, 7.3 and 12.4 are not applicable with a reason', () => {
    const fw = lib.frameworks.get('uncac-7-12')!;
    expect(fw.criteria).toHaveLength(16);
    expect(fw.articles.map((a) => a.id)).toEqual(['7', '12']);
    const notApplicable = fw.criteria.filter((c) => !c.applicable);
    expect(notApplicable.map((c) => c.id)).toEqual(['7.2', '7.3', '12.4']);
    for (const c of notApplicable) expect(c.notApplicableReason?.trim().length ?? 0).toBeGreaterThan(20);
    for (const c of fw.criteria.filter((x) => x.applicable)) expect(c.target).toBeGreaterThan(0);
  });

  it('7.1(b) has the facets of the methodology example', () => {
    const c = lib.frameworks.get('uncac-7-12')!.criteria.find((x) => x.id === '7.1(b)')!;
    expect(c.facets).toEqual([['vetting'], ['integrity_training'], ['rotation', 'segregation_of_duties']]);
  });

  it('uncac-extended has 7 criteria (8.2, 8.4, 8.5, 8.6, 33, 9.2(d), 10(c)) and is not scored by default', () => {
    const fw = lib.frameworks.get('uncac-extended')!;
    expect(fw.criteria.map((c) => c.id).sort()).toEqual(['10(c)', '33', '8.2', '8.4', '8.5', '8.6', '9.2(d)'].sort());
    expect(fw.scoredByDefault).toBe(false);
  });

  it('every criterion has weight 1-3, target 0-4, five guidance entries and only known families', () => {
    const criteria = criteriaOf(lib, [...BUILT_IN_FRAMEWORK_IDS]);
    expect(criteria).toHaveLength(31);
    for (const c of criteria) {
      expect([1, 2, 3]).toContain(c.weight);
      expect(c.target).toBeGreaterThanOrEqual(0);
      expect(c.target).toBeLessThanOrEqual(4);
      expect(c.guidance).toHaveLength(5);
      for (const facet of c.facets) for (const family of facet) expect(lib.families.has(family)).toBe(true);
    }
  });

  it('every family has a non-empty recommendation (used as remedy text)', () => {
    for (const family of lib.families.values()) expect(family.recommendation.trim().length).toBeGreaterThan(0);
  });

  it('accepts a valid custom framework next to the built-in ones', () => {
    const custom = parseFramework('custom.json', customFrameworkData(), builtInBase());
    const withCustom = builtInLibrary([custom]);
    expect([...withCustom.frameworks.keys()]).toEqual(['uncac-7-12', 'uncac-extended', 'uncac-offences', 'consultant-x']);
    expect(() => assembleLibrary(builtInBase(), [...builtInFrameworks(), custom, custom])).toThrow(/loaded twice/);
  });
});

describe('parseFramework validation errors name the file, the item and the field', () => {
  it('an unknown family in a facet', () => {
    const data = customFrameworkData();
    data.criteria[0]!.facets = [['vetting'], ['astrology']];
    const error = validationError(data);
    expect(error.issues).toEqual([
      { file: 'custom.json', item: 'criteria[0] (X.1)', field: 'facets[1][0]', message: 'unknown family "astrology"' },
    ]);
    expect(error.message).toBe('custom.json: criteria[0] (X.1) facets[1][0]: unknown family "astrology"');
  });

  it('an offence criterion naming an unknown risk type', () => {
    const data = customFrameworkData();
    data.criteria[0]!.riskType = 'smuggling';
    const error = validationError(data);
    expect(error.issues).toEqual([{ file: 'custom.json', item: 'criteria[0] (X.1)', field: 'riskType', message: 'unknown risk type "smuggling"' }]);
  });

  it('a custom framework may mark offence criteria and ask to be scored separately', () => {
    const data = { ...customFrameworkData(), scoredSeparately: true };
    data.criteria[0]!.riskType = 'bribery';
    const framework = parseFramework('custom.json', data, builtInBase());
    expect(framework.scoredSeparately).toBe(true);
    expect(framework.criteria[0]!.riskType).toBe('bribery');
  });

  it('an empty facet', () => {
    const data = customFrameworkData();
    data.criteria[0]!.facets = [['vetting'], []];
    const error = validationError(data);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: 'custom.json', item: 'criteria[0] (X.1)', field: 'facets[1]' });
    expect(error.message).toContain('custom.json');
    expect(error.message).toContain('criteria[0] (X.1)');
    expect(error.message).toContain('facets[1]');
    expect(error.message).toMatch(/at least one family/);
  });

  it('a target of 5', () => {
    const data = customFrameworkData();
    data.criteria[0]!.target = 5;
    const error = validationError(data);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: 'custom.json', item: 'criteria[0] (X.1)', field: 'target' });
    expect(error.message).toMatch(/^custom\.json: criteria\[0\] \(X\.1\) target: /);
  });

  it('an unknown article', () => {
    const data = customFrameworkData();
    data.criteria[0]!.article = 'Y';
    const error = validationError(data, 'my-criteria.json');
    expect(error.issues).toEqual([
      { file: 'my-criteria.json', item: 'criteria[0] (X.1)', field: 'article', message: 'unknown article "Y"' },
    ]);
    expect(error.message).toBe('my-criteria.json: criteria[0] (X.1) article: unknown article "Y"');
  });

  it('names the right item when the second criterion is at fault', () => {
    const data = customFrameworkData();
    data.criteria.push({ ...data.criteria[0]!, id: 'X.2', paragraph: 'X.2', weight: 4 });
    const error = validationError(data);
    expect(error.issues.map((i) => [i.item, i.field])).toEqual([['criteria[1] (X.2)', 'weight']]);
  });

  it('collects several problems at once', () => {
    const data = customFrameworkData();
    data.criteria[0]!.article = 'Y';
    data.criteria[0]!.facets = [['astrology']];
    data.criteria[0]!.stages = ['moon'];
    const error = validationError(data);
    expect(error.issues.map((i) => i.field).sort()).toEqual(['article', 'facets[0][0]', 'stages[0]']);
    expect(error.message.split('\n')).toHaveLength(3);
  });

  it('a not-applicable criterion without a reason', () => {
    const data = customFrameworkData();
    data.criteria[0]!.applicable = false;
    data.criteria[0]!.notApplicableReason = '  ';
    const error = validationError(data);
    expect(error.issues).toEqual([
      {
        file: 'custom.json',
        item: 'criteria[0] (X.1)',
        field: 'notApplicableReason',
        message: 'a criterion that is not applicable by default needs a reason',
      },
    ]);
  });

  it('a family that redefines a built-in one', () => {
    const data = customFrameworkData();
    const vetting = builtInBase().families.find((f) => f.id === 'vetting')!;
    data.families = [{ ...vetting }];
    const error = validationError(data);
    expect(error.issues.map((i) => [i.item, i.field])).toEqual([['families[0] (vetting)', 'id']]);
  });

  it('a custom framework may use a family it brings itself', () => {
    const data = customFrameworkData();
    data.families = [
      {
        id: 'ranger_patrols',
        title: 'Ranger patrols',
        core: false,
        description: 'Field patrols',
        stages: ['compliance_monitoring'],
        riskTypes: ['bribery'],
        recommendation: 'Run patrols.',
      },
    ];
    data.criteria[0]!.facets = [['ranger_patrols']];
    expect(parseFramework('custom.json', data, builtInBase()).criteria[0]!.facets).toEqual([['ranger_patrols']]);
  });
});

describe('the shipped library files', () => {
  // The app trusts them at run time without parsing (shared/library/builtin.ts): this is their check.
  it('each passes its parser, and parsing gives back exactly the file (no default left to fill in)', () => {
    const base = parseLibraryBase(BUILT_IN_FILES.base.file, BUILT_IN_FILES.base.data);
    expect(base).toStrictEqual(BUILT_IN_FILES.base.data);
    expect(builtInBase()).toBe(BUILT_IN_FILES.base.data);
    for (const { file, data } of BUILT_IN_FILES.frameworks) expect(parseFramework(file, data, base), file).toStrictEqual(data);
    expect(builtInFrameworks().map((f) => f.id)).toEqual([...BUILT_IN_FRAMEWORK_IDS]);
  });
});

describe('parseLibraryBase', () => {
  it('accepts the shipped library.json', () => {
    expect(parseLibraryBase('library.json', libraryData).families.length).toBeGreaterThan(5);
  });

  it('rejects a family pointing at an unknown stage, naming the family', () => {
    const data = structuredClone(libraryData) as { families: Array<{ stages: string[] }> };
    data.families[0]!.stages = ['nowhere'];
    expect(() => parseLibraryBase('library.json', data)).toThrow('library.json: families[0] (vetting) stages[0]: unknown stage "nowhere"');
  });
});
