import { frameworkSchema, libraryBaseSchema, type Framework, type LibraryBase } from './schema.js';
import { DataValidationError, zodIssues, type DataIssue } from './validation-error.js';
import type { Library } from './library.js';

/**
 * Each library file is validated once per process (the register caches the
 * result), so zod's compiled fast path, which pays only over many parses of
 * one schema, would cost more to build than it saves: it is skipped here.
 */
const ONCE = { jitless: true } as const;

/** Validates the library base file: shape first, then that its ids agree with each other. */
export function parseLibraryBase(file: string, data: unknown): LibraryBase {
  const parsed = libraryBaseSchema.safeParse(data, ONCE);
  if (!parsed.success) throw new DataValidationError(zodIssues(file, data, parsed.error));
  const base = parsed.data;
  const issues: DataIssue[] = [];
  const stageIds = new Set(base.stages.map((s) => s.id));
  const riskIds = new Set(base.riskTypes.map((r) => r.id));
  duplicates(file, 'stages', base.stages, issues);
  duplicates(file, 'riskTypes', base.riskTypes, issues);
  duplicates(file, 'families', base.families, issues);
  base.families.forEach((family, index) => checkFamilyRefs(file, `families[${index}] (${family.id})`, family, stageIds, riskIds, issues));
  if (!base.families.some((f) => f.core)) issues.push({ file, item: '', field: 'families', message: 'at least one family must be core' });
  checkProfileKeys(file, 'likelihoodByStage', base.chainProfile.likelihoodByStage, stageIds, 'stage', issues);
  checkProfileKeys(file, 'impactByRiskType', base.chainProfile.impactByRiskType, riskIds, 'risk type', issues);
  if (issues.length) throw new DataValidationError(issues);
  return base;
}

/**
 * Validates one framework file against the base it will be used with: every
 * family, stage and article it names must exist. Errors name file, item and field.
 */
export function parseFramework(file: string, data: unknown, base: LibraryBase): Framework {
  const parsed = frameworkSchema.safeParse(data, ONCE);
  if (!parsed.success) throw new DataValidationError(zodIssues(file, data, parsed.error));
  const framework = parsed.data;
  const issues: DataIssue[] = [];
  const stageIds = new Set(base.stages.map((s) => s.id));
  const riskIds = new Set(base.riskTypes.map((r) => r.id));
  const familyIds = new Set(base.families.map((f) => f.id));
  framework.families.forEach((family, index) => {
    const item = `families[${index}] (${family.id})`;
    if (familyIds.has(family.id)) issues.push({ file, item, field: 'id', message: `family "${family.id}" is already defined by the library` });
    checkFamilyRefs(file, item, family, stageIds, riskIds, issues);
    familyIds.add(family.id);
  });
  duplicates(file, 'criteria', framework.criteria, issues);
  duplicates(file, 'articles', framework.articles, issues);
  const articleIds = new Set(framework.articles.map((a) => a.id));
  framework.criteria.forEach((criterion, index) => {
    const item = `criteria[${index}] (${criterion.id})`;
    if (!articleIds.has(criterion.article)) issues.push({ file, item, field: 'article', message: `unknown article "${criterion.article}"` });
    criterion.facets.forEach((facet, f) =>
      facet.forEach((familyId, k) => {
        if (!familyIds.has(familyId)) issues.push({ file, item, field: `facets[${f}][${k}]`, message: `unknown family "${familyId}"` });
      }),
    );
    criterion.stages.forEach((stage, s) => {
      if (!stageIds.has(stage)) issues.push({ file, item, field: `stages[${s}]`, message: `unknown stage "${stage}"` });
    });
    if (criterion.riskType !== undefined && !riskIds.has(criterion.riskType)) {
      issues.push({ file, item, field: 'riskType', message: `unknown risk type "${criterion.riskType}"` });
    }
    if (!criterion.applicable && !criterion.notApplicableReason?.trim()) {
      issues.push({ file, item, field: 'notApplicableReason', message: 'a criterion that is not applicable by default needs a reason' });
    }
  });
  if (issues.length) throw new DataValidationError(issues);
  return framework;
}

/** Puts a validated base and frameworks together; framework ids must be unique. */
export function assembleLibrary(base: LibraryBase, frameworks: readonly Framework[]): Library {
  const families = new Map(base.families.map((f) => [f.id, f]));
  const byId = new Map<string, Framework>();
  for (const framework of frameworks) {
    if (byId.has(framework.id)) throw new Error(`framework "${framework.id}" is loaded twice`);
    byId.set(framework.id, framework);
    for (const family of framework.families) families.set(family.id, family);
  }
  return {
    version: base.version,
    families,
    stages: base.stages,
    riskTypes: base.riskTypes,
    chainProfile: base.chainProfile,
    frameworks: byId,
  };
}

function duplicates(file: string, collection: string, items: ReadonlyArray<{ id: string }>, issues: DataIssue[]): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) issues.push({ file, item: `${collection}[${index}] (${item.id})`, field: 'id', message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

function checkFamilyRefs(
  file: string,
  item: string,
  family: { stages: string[]; riskTypes: string[] },
  stageIds: Set<string>,
  riskIds: Set<string>,
  issues: DataIssue[],
): void {
  family.stages.forEach((stage, i) => {
    if (!stageIds.has(stage)) issues.push({ file, item, field: `stages[${i}]`, message: `unknown stage "${stage}"` });
  });
  family.riskTypes.forEach((risk, i) => {
    if (!riskIds.has(risk)) issues.push({ file, item, field: `riskTypes[${i}]`, message: `unknown risk type "${risk}"` });
  });
}

function checkProfileKeys(
  file: string,
  field: string,
  record: Record<string, number>,
  known: Set<string>,
  noun: string,
  issues: DataIssue[],
): void {
  for (const key of Object.keys(record)) {
    if (!known.has(key)) issues.push({ file, item: 'chainProfile', field: `${field}.${key}`, message: `unknown ${noun} "${key}"` });
  }
  for (const id of known) {
    if (!(id in record)) issues.push({ file, item: 'chainProfile', field: `${field}.${id}`, message: `missing default for ${noun} "${id}"` });
  }
}
