/**
 * Authorities for portfolio tests: copies of the demo package with their own
 * uids and names (so several import side by side) and varied maturities (so
 * distributions differ). Only the draft is kept: the locked baseline's
 * snapshot carries the demo's uids and a digest that would no longer match.
 */
import { demoPackage } from '../../db/demo.js';
import { importPackage } from '../../db/package-import.js';
import type { Register } from '../../db/register.js';
import type { AssessmentPackage } from '../../shared/package/schema.js';

export interface Variant {
  /** Added to every control's maturity, clamped to 0–4. */
  shift?: number;
  /** Families whose controls are left out. */
  drop?: string[];
}

/** A marker in every name and title of authority n, so a test can look for leaks. */
export const secretName = (n: number) => `Zorblaxia Secret Authority ${n}`;
export const secretUid = (n: number) => `zorb-authority-${n}`;

export function authorityPackage(n: number, variant: Variant = {}): AssessmentPackage {
  const pkg = demoPackage();
  const shift = variant.shift ?? 0;
  const drop = new Set(variant.drop ?? []);
  const prefix = `zorb-${n}`;
  const draft = pkg.assessments.find((a) => a.status === 'draft')!;
  return {
    ...pkg,
    authority: { ...pkg.authority, uid: secretUid(n), name: secretName(n), country: `Zorblaxia ${n}`, notes: `${secretName(n)} notes` },
    controls: pkg.controls
      .filter((c) => !drop.has(c.family))
      .map((c, i) => ({
        ...c,
        uid: `${prefix}-control-${i + 1}`,
        title: `${c.title} (${secretName(n)})`,
        maturity: Math.min(4, Math.max(0, c.maturity + shift)),
        evidence: c.evidence.map((e, k) => ({ ...e, uid: `${prefix}-evidence-${i + 1}-${k + 1}` })),
      })),
    assessments: [{ ...draft, uid: `${prefix}-assessment`, title: `Assessment of ${secretName(n)}`, clonedFrom: null }],
  };
}

/** Three different authorities: the demo's draft as is, one weaker without vetting, one stronger. */
export const THREE: Variant[] = [{}, { shift: -1, drop: ['vetting'] }, { shift: 1, drop: ['asset_disclosure'] }];

/** Imports one authority per variant, numbered from `first`. */
export function importAuthorities(register: Register, variants: readonly Variant[], first = 1): void {
  variants.forEach((variant, i) => importPackage(register, authorityPackage(first + i, variant)));
}
