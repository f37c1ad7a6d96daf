/**
 * Small, fixed registers built through the ordinary db/ functions, so every
 * row also has its audit entry.
 */
import { createAssessment, type AssessmentRow } from '../../db/assessments.js';
import { createAuthority, type AuthorityRow } from '../../db/authorities.js';
import { createControl, type ControlRow } from '../../db/controls.js';
import { addEvidence } from '../../db/evidence.js';
import type { Register } from '../../db/register.js';

export const AS_OF = '2026-10-31';

export interface Seeded {
  authority: AuthorityRow;
  controls: ControlRow[];
  assessment: AssessmentRow;
}

/**
 * One authority with a handful of controls (one per core family but
 * integrity_focal_point), evidence that supports the level-3 claims, and one
 * draft assessment of UNCAC 7 and 12 as of 2026-10-31.
 */
export function seedAuthority(register: Register, name = 'Test Management Authority'): Seeded {
  const authority = createAuthority(register, { name, country: 'Testland', level: 'national', notes: '' });
  const controls = [
    createControl(register, authority.id, { family: 'vetting', title: 'Pre-appointment vetting', owner: 'HR', maturity: 3, lastReviewed: '2026-05-01' }),
    createControl(register, authority.id, { family: 'code_of_conduct', title: 'Code of conduct', owner: 'Director', maturity: 2, lastReviewed: '2026-01-15' }),
    createControl(register, authority.id, { family: 'asset_disclosure', title: 'Asset declarations', owner: 'Legal', maturity: 1, lastReviewed: null }),
    createControl(register, authority.id, { family: 'e_permitting', title: 'Electronic permits', owner: 'Permits unit', maturity: 4, lastReviewed: '2026-07-01' }),
    createControl(register, authority.id, { family: 'integrity_training', title: 'Integrity training', owner: 'Training', maturity: 3, lastReviewed: '2026-04-22' }),
  ];
  addEvidence(register, controls[0]!.id, { title: 'Vetting log 2026', date: '2026-03-20' });
  addEvidence(register, controls[1]!.id, { title: 'Signed code', date: '2025-06-30' });
  addEvidence(register, controls[3]!.id, { title: 'Audit-trail report', date: '2026-06-30' });
  addEvidence(register, controls[4]!.id, { title: 'Attendance 2026', date: '2026-04-20', expiry: '2027-04-20' });
  const assessment = createAssessment(register, authority.id, { title: '2026 self-assessment', asOf: AS_OF });
  return { authority, controls, assessment };
}

/** A custom framework a consultant might bring: one article, one criterion needing vetting and e-permitting. */
export function customFramework(overrides: { facets?: string[][]; id?: string } = {}) {
  return {
    kind: 'permit-integrity/framework',
    id: overrides.id ?? 'consultant-extra',
    version: '1.0.0',
    title: 'Consultant extra criteria',
    source: 'Test consultant',
    scoredByDefault: false,
    articles: [{ id: 'X', title: 'Extra article' }],
    families: [],
    criteria: [
      {
        id: 'X.1',
        article: 'X',
        paragraph: 'X.1',
        obligation: 'mandatory',
        title: 'Screened staff issue permits electronically',
        text: 'Permits are issued electronically by vetted staff.',
        guidance: ['absent', 'ad hoc', 'documented', 'implemented', 'monitored'],
        weight: 2,
        target: 3,
        applicable: true,
        notApplicableReason: null,
        facets: overrides.facets ?? [['vetting'], ['e_permitting']],
        stages: ['permit_issuance'],
      },
    ],
  };
}

/** Two people, because the four-eyes rule (on by default) refuses one person submitting and reviewing. */
export const SUBMITTER = 'Ana Assessor';
export const REVIEWER = 'Rui Reviewer';

/** Makes the register's next changes audited as `actor`; returns it, for use inline. */
export function as(register: Register, actor: string): Register {
  register.actor = actor;
  return register;
}
