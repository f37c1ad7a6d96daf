import type { Criterion, Family, Framework, LibraryBase, RiskType, Stage, ChainProfile } from './schema.js';

/** A validated library: the base vocabulary plus every framework the register knows. */
export interface Library {
  version: string;
  families: ReadonlyMap<string, Family>;
  stages: readonly Stage[];
  riskTypes: readonly RiskType[];
  chainProfile: ChainProfile;
  frameworks: ReadonlyMap<string, Framework>;
}

export function familyList(library: Library): Family[] {
  return [...library.families.values()];
}

export function coreFamilies(library: Library): Family[] {
  return familyList(library).filter((family) => family.core);
}

/** The frameworks an assessment is scored against when it does not say otherwise. */
export function defaultFrameworkIds(library: Library): string[] {
  return [...library.frameworks.values()].filter((f) => f.scoredByDefault).map((f) => f.id);
}

export function criteriaOf(library: Library, frameworkIds: readonly string[]): Array<Criterion & { frameworkId: string }> {
  return frameworkIds.flatMap((id) => {
    const framework = library.frameworks.get(id);
    if (!framework) throw new Error(`unknown framework "${id}"`);
    return framework.criteria.map((criterion) => ({ ...criterion, frameworkId: id }));
  });
}

export type { LibraryBase };
