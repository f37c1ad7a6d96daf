import { addMonths } from '../../domain/dates.js';
import type { PermitFlag, RegisterPermit } from '../records.js';
import { registerFlag } from './register-common.js';

export interface ExportValidityParams {
  /** Longest validity in calendar months from issue. Default 6 (CITES Article VI.2). */
  maxMonths: number;
}

export const EXPORT_VALIDITY_DEFAULTS: ExportValidityParams = { maxMonths: 6 };

/** Export permits valid for longer than the Convention allows from their date of issue. */
export function exportValidityFlags(permits: readonly RegisterPermit[], params: ExportValidityParams = EXPORT_VALIDITY_DEFAULTS): PermitFlag[] {
  const flags: PermitFlag[] = [];
  for (const p of permits) {
    if (p.documentType !== 'export' || !p.issuedAt || !p.validUntil) continue;
    const limit = addMonths(p.issuedAt.slice(0, 10), params.maxMonths);
    if (p.validUntil.slice(0, 10) > limit) flags.push(registerFlag('export-validity', p, { issued: p.issuedAt.slice(0, 10), validUntil: p.validUntil.slice(0, 10), limit }));
  }
  return flags;
}
