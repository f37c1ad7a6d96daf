import { builtInLibrary } from '../shared/library/builtin.js';
import { defaultChainInputs } from '../shared/methodology/chain.js';
import { METHODOLOGY_VERSION } from '../shared/methodology/version.js';
import { PACKAGE_FORMAT, PACKAGE_VERSION, type AssessmentPackage } from '../shared/package/schema.js';

/** Deterministic pseudo-random numbers, so every benchmark run measures the same data. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const STAMP = '2026-01-01T00:00:00.000Z';

/** A synthetic authority with `controls` controls, 1–2 evidence items each, and one draft assessment. */
export function syntheticPackage(index: number, controls = 40): AssessmentPackage {
  const random = generator(index + 1);
  const library = builtInLibrary();
  const families = [...library.families.keys()];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const day = () => `202${4 + Math.floor(random() * 3)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    exportedAt: STAMP,
    generator: 'bench',
    authority: { uid: `bench-authority-${index}`, name: `Synthetic authority ${index}`, country: 'Synthetic', level: 'national', notes: '', createdAt: STAMP },
    controls: Array.from({ length: controls }, (_, c) => ({
      uid: `bench-${index}-control-${c}`,
      family: c < families.length ? families[c]! : pick(families),
      title: `Control ${c} of authority ${index}`,
      description: 'Synthetic control for benchmarking.',
      owner: 'Bench unit',
      maturity: Math.floor(random() * 5),
      lastReviewed: random() < 0.8 ? day() : null,
      stages: null,
      riskTypes: null,
      createdAt: STAMP,
      updatedAt: STAMP,
      evidence: Array.from({ length: 1 + Math.floor(random() * 2) }, (_, e) => ({
        uid: `bench-${index}-evidence-${c}-${e}`,
        title: `Evidence ${e}`,
        date: day(),
        expiry: null,
        file: { name: `evidence-${e}.pdf`, sha256: 'ab'.repeat(32), size: 2048, mediaType: 'application/pdf' },
        createdAt: STAMP,
      })),
    })),
    assessments: [
      {
        uid: `bench-${index}-assessment`,
        title: 'Synthetic assessment',
        asOf: '2026-10-31',
        status: 'draft',
        frameworks: ['uncac-7-12'],
        methodology: 'PI-1',
        methodologyVersion: METHODOLOGY_VERSION,
        clonedFrom: null,
        actions: [],
        comments: [],
        notes: '',
        createdAt: STAMP,
        updatedAt: STAMP,
        submittedAt: null,
        reviewedAt: null,
        lockedAt: null,
        criteria: [{ criterionId: '7.1(c)', override: { maturity: 3, justification: 'Synthetic override.' }, applicability: null, notes: '' }],
        chain: defaultChainInputs(library.stages, library.riskTypes, library.chainProfile),
        lock: null,
      },
    ],
    frameworks: [],
  };
}
