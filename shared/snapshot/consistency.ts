import type { Library } from '../library/library.js';
import type { Snapshot } from './schema.js';

/** One inconsistency, at a path relative to the snapshot (`families[2].id`). */
export interface SnapshotIssue {
  path: string;
  message: string;
}

/**
 * A locked snapshot's digest only proves the snapshot was not changed after
 * it was hashed; anyone can recompute the hash of a forged one. This checks
 * what a forger must also get right: the snapshot refers only to things it
 * defines itself, and what it copied from the library (frameworks, criteria,
 * families, stages, risk types) is what that library version says.
 */
export function snapshotIssues(snapshot: Snapshot, library: Library): SnapshotIssue[] {
  const issues: SnapshotIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const ids = (list: ReadonlyArray<{ id: string }>, path: string) => uniqueIds(list.map((x) => x.id), path, add);
  const stages = ids(snapshot.stages, 'stages');
  const risks = ids(snapshot.riskTypes, 'riskTypes');
  const families = ids(snapshot.families, 'families');
  const frameworks = ids(snapshot.frameworks, 'frameworks');
  const criteria = ids(snapshot.criteria, 'criteria');
  blank(snapshot.authority.uid, 'authority.uid', add);
  blank(snapshot.assessment.uid, 'assessment.uid', add);

  const libraryStages = new Set(library.stages.map((s) => s.id));
  const libraryRisks = new Set(library.riskTypes.map((r) => r.id));
  snapshot.stages.forEach((s, i) => libraryStages.has(s.id) || add(`stages[${i}].id`, `stage "${s.id}" is not in the library`));
  snapshot.riskTypes.forEach((r, i) => libraryRisks.has(r.id) || add(`riskTypes[${i}].id`, `risk type "${r.id}" is not in the library`));

  snapshot.families.forEach((family, i) => {
    const path = `families[${i}]`;
    family.stages.forEach((s, k) => stages.has(s) || add(`${path}.stages[${k}]`, `unknown stage "${s}"`));
    family.riskTypes.forEach((r, k) => risks.has(r) || add(`${path}.riskTypes[${k}]`, `unknown risk type "${r}"`));
    const known = library.families.get(family.id);
    if (!known) return add(`${path}.id`, `family "${family.id}" is not in the library`);
    if (known.core !== family.core) add(`${path}.core`, `the library says core = ${known.core}`);
    if (!sameList(known.stages, family.stages)) add(`${path}.stages`, 'differ from the library');
    if (!sameList(known.riskTypes, family.riskTypes)) add(`${path}.riskTypes`, 'differ from the library');
  });

  snapshot.frameworks.forEach((framework, i) => {
    const known = library.frameworks.get(framework.id);
    if (!known) return add(`frameworks[${i}].id`, `framework "${framework.id}" is not in the library`);
    if (known.version !== framework.version) add(`frameworks[${i}].version`, `framework "${framework.id}" version ${framework.version} is unknown (the library has ${known.version})`);
  });
  const articles = new Set(snapshot.articles.map((a) => `${a.frameworkId}/${a.id}`));
  snapshot.articles.forEach((a, i) => frameworks.has(a.frameworkId) || add(`articles[${i}].frameworkId`, `unknown framework "${a.frameworkId}"`));

  snapshot.criteria.forEach((criterion, i) => {
    const path = `criteria[${i}]`;
    if (!frameworks.has(criterion.frameworkId)) add(`${path}.frameworkId`, `unknown framework "${criterion.frameworkId}"`);
    if (!articles.has(`${criterion.frameworkId}/${criterion.article}`)) add(`${path}.article`, `unknown article "${criterion.article}"`);
    criterion.facets.forEach((facet, f) => facet.forEach((id, k) => families.has(id) || add(`${path}.facets[${f}][${k}]`, `unknown family "${id}"`)));
    criterion.stages.forEach((s, k) => stages.has(s) || add(`${path}.stages[${k}]`, `unknown stage "${s}"`));
    const known = library.frameworks.get(criterion.frameworkId);
    if (!known || known.version !== snapshot.frameworks.find((f) => f.id === criterion.frameworkId)?.version) return;
    const original = known.criteria.find((c) => c.id === criterion.id);
    if (!original) return add(`${path}.id`, `criterion "${criterion.id}" is not in framework ${known.id} ${known.version}`);
    for (const field of ['article', 'obligation', 'weight', 'target', 'applicable'] as const) {
      if (original[field] !== criterion[field]) add(`${path}.${field}`, `is ${JSON.stringify(criterion[field])}, but framework ${known.id} ${known.version} says ${JSON.stringify(original[field])}`);
    }
    if (JSON.stringify(original.facets) !== JSON.stringify(criterion.facets)) add(`${path}.facets`, `differ from framework ${known.id} ${known.version}`);
  });
  for (const framework of snapshot.frameworks) {
    const known = library.frameworks.get(framework.id);
    if (!known || known.version !== framework.version) continue;
    for (const c of known.criteria) if (!criteria.has(c.id)) add('criteria', `criterion "${c.id}" of framework ${known.id} is missing`);
  }

  uniqueIds(snapshot.controls.map((c) => c.uid), 'controls', add);
  snapshot.controls.forEach((control, i) => {
    const path = `controls[${i}]`;
    if (!families.has(control.family)) add(`${path}.family`, `unknown family "${control.family}"`);
    control.stages.forEach((s, k) => stages.has(s) || add(`${path}.stages[${k}]`, `unknown stage "${s}"`));
    control.riskTypes.forEach((r, k) => risks.has(r) || add(`${path}.riskTypes[${k}]`, `unknown risk type "${r}"`));
    uniqueIds(control.evidence.map((e) => e.uid), `${path}.evidence`, add);
  });
  const seenInputs = new Set<string>();
  snapshot.criterionInputs.forEach((input, i) => {
    if (!criteria.has(input.criterionId)) add(`criterionInputs[${i}].criterionId`, `unknown criterion "${input.criterionId}"`);
    if (seenInputs.has(input.criterionId)) add(`criterionInputs[${i}].criterionId`, `duplicate "${input.criterionId}"`);
    seenInputs.add(input.criterionId);
  });
  const cells = new Set<string>();
  snapshot.chain.forEach((cell, i) => {
    if (!stages.has(cell.stage)) add(`chain[${i}].stage`, `unknown stage "${cell.stage}"`);
    if (!risks.has(cell.riskType)) add(`chain[${i}].riskType`, `unknown risk type "${cell.riskType}"`);
    const key = `${cell.stage}/${cell.riskType}`;
    if (cells.has(key)) add(`chain[${i}]`, `duplicate cell ${key}`);
    cells.add(key);
  });
  return issues;
}

function uniqueIds(list: readonly string[], path: string, add: (path: string, message: string) => void): Set<string> {
  const seen = new Set<string>();
  list.forEach((id, i) => {
    blank(id, `${path}[${i}]`, add);
    if (seen.has(id)) add(`${path}[${i}]`, `duplicate id "${id}"`);
    seen.add(id);
  });
  return seen;
}

function blank(id: string, path: string, add: (path: string, message: string) => void): void {
  if (!id.trim()) add(path, 'the id is blank');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
