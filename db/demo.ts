import { builtInLibrary } from '../shared/library/builtin.js';
import { defaultFrameworkIds } from '../shared/library/library.js';
import { defaultChainInputs } from '../shared/methodology/chain.js';
import { METHODOLOGY_VERSION } from '../shared/methodology/version.js';
import { PACKAGE_FORMAT, PACKAGE_VERSION, type AssessmentPackage, type PackageAssessment } from '../shared/package/schema.js';
import { buildSnapshot } from '../shared/snapshot/build.js';
import { snapshotDigest } from '../shared/snapshot/canonical.js';
import type { ChainInput, CriterionInput } from '../shared/snapshot/schema.js';
import { sha256OfBytes } from './evidence.js';
import {
  DEMO_AUTHORITY,
  DEMO_BASELINE,
  DEMO_CHAIN,
  DEMO_CONTROLS,
  DEMO_CURRENT,
  DEMO_LEGAL_CONTROLS,
  DEMO_LEGAL_CREATED_AT,
  DEMO_NOTES,
  DEMO_OVERRIDE,
  DEMO_PACK_OVERRIDES,
} from './demo-data.js';
import { GENERATOR } from './package-export.js';
import { importPackage, type ImportSummary } from './package-import.js';
import type { Register } from './register.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The demo as an assessment package: a 2025 baseline (locked) and a 2026 draft. */
export function demoPackage(): AssessmentPackage {
  const library = builtInLibrary();
  // The 2026 draft takes today's defaults (with the legal framework pack); the 2025
  // baseline was locked before the pack existed, on UNCAC 7 and 12 alone.
  const frameworks = defaultFrameworkIds(library);
  const baselineFrameworks = ['uncac-7-12'];
  const all = [...DEMO_CONTROLS, ...DEMO_LEGAL_CONTROLS];
  const controls: AssessmentPackage['controls'] = all.map(([family, title, owner, maturity, lastReviewed, evidence], i) => {
    const createdAt = i < DEMO_CONTROLS.length ? DEMO_AUTHORITY.createdAt : DEMO_LEGAL_CREATED_AT;
    return {
      uid: `demo-control-${pad(i + 1)}`,
      family,
      title,
      description: '',
      owner,
      maturity,
      lastReviewed,
      stages: null,
      riskTypes: null,
      createdAt,
      updatedAt: createdAt,
      evidence: evidence.map(([etitle, date, expiry], k) => ({
        uid: `demo-evidence-${pad(i + 1)}-${k + 1}`,
        title: etitle,
        date,
        expiry: expiry ?? null,
        // Metadata only: the demo ships no files, but a hash shows how files are fingerprinted.
        file: { name: `${etitle.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`, sha256: sha256OfBytes(new TextEncoder().encode(`${title}\n${etitle}\n${date}`)), size: 1024 * (k + 2), mediaType: 'application/pdf' },
        createdAt,
      })),
    };
  });
  const hot = new Map(DEMO_CHAIN.map(([stage, risk, l, i]) => [`${stage}/${risk}`, { likelihood: l, impact: i }]));
  const chain: ChainInput[] = defaultChainInputs(library.stages, library.riskTypes, library.chainProfile).map((cell) => ({ ...cell, ...hot.get(`${cell.stage}/${cell.riskType}`) }));
  const notes = new Map(DEMO_NOTES);
  const overrides = new Map([DEMO_OVERRIDE, ...DEMO_PACK_OVERRIDES].map((o) => [o.criterionId, { maturity: o.maturity, justification: o.justification }]));
  const criteria: CriterionInput[] = [...new Set([...overrides.keys(), ...notes.keys()])].map((criterionId) => ({
    criterionId,
    override: overrides.get(criterionId) ?? null,
    applicability: null,
    notes: notes.get(criterionId) ?? '',
  }));

  const baselineSnapshot = buildSnapshot({
    library,
    authority: { uid: DEMO_AUTHORITY.uid, name: DEMO_AUTHORITY.name },
    assessment: { uid: DEMO_BASELINE.uid, title: DEMO_BASELINE.title, asOf: DEMO_BASELINE.asOf, frameworks: baselineFrameworks },
    controls: controls.slice(0, DEMO_CONTROLS.length).map((c) => ({ ...c, evidence: c.evidence.map((e) => ({ uid: e.uid, title: e.title, date: e.date, expiry: e.expiry, sha256: e.file?.sha256 ?? null, size: e.file?.size ?? null })) })),
    criterionInputs: [],
    chain,
  });
  const base = { frameworks, methodology: 'PI-1' as const, methodologyVersion: METHODOLOGY_VERSION, notes: '', actions: [], comments: [] };
  const baseline: PackageAssessment = {
    ...base,
    frameworks: baselineFrameworks,
    ...DEMO_BASELINE,
    status: 'locked',
    clonedFrom: null,
    updatedAt: '2025-11-20T10:00:00.000Z',
    submittedAt: '2025-11-05T10:00:00.000Z',
    reviewedAt: '2025-11-18T10:00:00.000Z',
    lockedAt: '2025-11-20T10:00:00.000Z',
    criteria: [],
    chain,
    lock: { snapshot: baselineSnapshot, digest: snapshotDigest(baselineSnapshot) },
  };
  const current: PackageAssessment = {
    ...base,
    ...DEMO_CURRENT,
    status: 'draft',
    clonedFrom: DEMO_BASELINE.uid,
    updatedAt: DEMO_CURRENT.createdAt,
    submittedAt: null,
    reviewedAt: null,
    lockedAt: null,
    criteria,
    chain,
    lock: null,
  };
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    exportedAt: DEMO_CURRENT.createdAt,
    generator: GENERATOR,
    authority: DEMO_AUTHORITY,
    controls,
    assessments: [baseline, current],
    frameworks: [],
  };
}

export function hasDemo(register: Register): boolean {
  return register.db.prepare('SELECT 1 FROM authorities WHERE uid = ?').get(DEMO_AUTHORITY.uid) !== undefined;
}

export function isEmptyRegister(register: Register): boolean {
  return register.db.prepare('SELECT 1 FROM authorities LIMIT 1').get() === undefined;
}

/** Loads the demo authority into the register (through the ordinary package import). */
export function createDemo(register: Register): ImportSummary {
  return importPackage(register, demoPackage());
}
