import { z } from 'zod';
import { applicabilityInput, assessmentInput, chainCellInput, overrideInput, recordId } from '../../domain/inputs.js';
import type { AssessmentRecord } from '../../domain/records.js';
import type { AssessmentComparison } from '../../methodology/compare.js';
import { isoDate } from '../../snapshot/schema.js';
import { threadRef } from '../../comments/comments.js';
import { entry } from '../entry.js';
import type { AssessmentChange, AssessmentDetail } from '../assessment-view.js';
import type { AssessmentSummary, FlagPage } from '../results.js';
import { FLAG_KINDS, SEVERITIES } from '../../domain/vocabulary.js';

const id = z.strictObject({ id: recordId });
/** Why the four-eyes rule is overridden for this step; written to the audit log. */
const fourEyesOverride = z.string().trim().min(1, 'a justification is required').max(10_000);
const criterion = { id: recordId, criterionId: z.string().min(1).max(50) };

/** Assessments: their inputs, scoring and lifecycle. */
export const assessmentContract = {
  'assessments.list': entry<AssessmentSummary[]>()(z.strictObject({ authorityId: recordId })),
  'assessments.create': entry<AssessmentRecord>()(z.strictObject({ authorityId: recordId, assessment: assessmentInput.strict() })),
  'assessments.get': entry<AssessmentDetail>()(id),
  /** The flags about single controls, a page at a time (there can be thousands). */
  'assessments.flags': entry<FlagPage>()(
    z.strictObject({
      id: recordId,
      kind: z.enum(FLAG_KINDS).optional(),
      severity: z.enum(SEVERITIES).optional(),
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(1000).default(200),
    }),
  ),
  'assessments.update': entry<AssessmentRecord>()(
    z.strictObject({ id: recordId, title: z.string().trim().min(1).max(300).optional(), asOf: isoDate.optional(), notes: z.string().max(100_000).optional() }),
  ),
  'assessments.setOverride': entry<AssessmentChange>()(z.strictObject({ ...criterion, override: overrideInput.nullable() })),
  'assessments.setApplicability': entry<AssessmentChange>()(z.strictObject({ ...criterion, applicability: applicabilityInput.nullable() })),
  'assessments.setNotes': entry<AssessmentChange>()(z.strictObject({ ...criterion, notes: z.string().max(100_000) })),
  'assessments.setChainCell': entry<AssessmentChange>()(z.strictObject({ id: recordId, cell: chainCellInput.strict() })),
  'assessments.transition': entry<AssessmentRecord>()(
    z.strictObject({
      id: recordId,
      to: z.enum(['submitted', 'reviewed', 'draft']),
      justification: z.string().max(10_000).optional(),
      /** Where a return-to-draft reason is posted; the assessment's own thread when absent. */
      thread: threadRef.optional(),
      fourEyesOverride: fourEyesOverride.optional(),
    }),
  ),
  'assessments.lock': entry<AssessmentRecord>()(z.strictObject({ id: recordId, fourEyesOverride: fourEyesOverride.optional() })),
  'assessments.clone': entry<AssessmentRecord>()(z.strictObject({ id: recordId, title: z.string().trim().min(1).max(300).optional(), asOf: isoDate.optional() })),
  'assessments.compare': entry<AssessmentComparison>()(z.strictObject({ fromId: recordId, toId: recordId })),
};
