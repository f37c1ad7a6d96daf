import { compareStrings } from '../domain/compare.js';
import { appendixICommercialWildFlags } from './flags/appendix-i.js';
import { deadPermitFlags } from './flags/dead-permits.js';
import { endorsementFlags } from './flags/endorsement.js';
import { EXPORT_VALIDITY_DEFAULTS, exportValidityFlags, type ExportValidityParams } from './flags/export-validity.js';
import { numberSeriesFlags } from './flags/number-series.js';
import { OFFICER_CONCENTRATION_DEFAULTS, officerConcentrationFlags, type OfficerConcentrationParams } from './flags/officer-concentration.js';
import { OUT_OF_HOURS_DEFAULTS, outOfHoursFlags, type OutOfHoursParams } from './flags/out-of-hours.js';
import { PERMIT_REUSE_DEFAULTS, permitReuseFlags, type PermitReuseParams } from './flags/permit-reuse.js';
import { PROCESSING_TIME_DEFAULTS, processingTimeFlags, type ProcessingTimeParams } from './flags/processing-time.js';
import { quotaOverrunFlags } from './flags/quota-overrun.js';
import { REPORTING_MISMATCH_DEFAULTS, reportingMismatchFlags, type ReportingMismatchParams } from './flags/reporting-mismatch.js';
import { SOURCE_SHIFT_DEFAULTS, sourceShiftFlags, type SourceShiftParams } from './flags/source-shift.js';
import { STRUCTURING_DEFAULTS, structuringFlags, type StructuringParams } from './flags/structuring.js';
import { PERMIT_FLAG_KINDS, type PermitFlag, type QuotaRow, type RegisterPermit, type TradeRecord } from './records.js';

export interface PermitRuleParams {
  permitReuse: PermitReuseParams;
  reportingMismatch: ReportingMismatchParams;
  sourceShift: SourceShiftParams;
  officerConcentration: OfficerConcentrationParams;
  outOfHours: OutOfHoursParams;
  processingTime: ProcessingTimeParams;
  exportValidity: ExportValidityParams;
  structuring: StructuringParams;
}

export const PERMIT_RULE_DEFAULTS: PermitRuleParams = {
  permitReuse: PERMIT_REUSE_DEFAULTS,
  reportingMismatch: REPORTING_MISMATCH_DEFAULTS,
  sourceShift: SOURCE_SHIFT_DEFAULTS,
  officerConcentration: OFFICER_CONCENTRATION_DEFAULTS,
  outOfHours: OUT_OF_HOURS_DEFAULTS,
  processingTime: PROCESSING_TIME_DEFAULTS,
  exportValidity: EXPORT_VALIDITY_DEFAULTS,
  structuring: STRUCTURING_DEFAULTS,
};

export interface PermitData {
  trade: readonly TradeRecord[];
  register: readonly RegisterPermit[];
  quotas: readonly QuotaRow[];
}

/** Every red-flag rule over the data, in one fixed order (kind, then permit, then date). */
export function analysePermits(data: PermitData, params: PermitRuleParams = PERMIT_RULE_DEFAULTS): PermitFlag[] {
  const { trade, register, quotas } = data;
  const flags = [
    ...permitReuseFlags(trade, params.permitReuse),
    ...reportingMismatchFlags(trade, params.reportingMismatch),
    ...sourceShiftFlags(trade, params.sourceShift),
    ...quotaOverrunFlags(trade, quotas),
    ...appendixICommercialWildFlags(trade),
    ...officerConcentrationFlags(register, params.officerConcentration),
    ...outOfHoursFlags(register, params.outOfHours),
    ...processingTimeFlags(register, params.processingTime),
    ...endorsementFlags(register),
    ...deadPermitFlags(register),
    ...numberSeriesFlags(register),
    ...exportValidityFlags(register, params.exportValidity),
    ...structuringFlags(register, params.structuring),
  ];
  return flags.sort(
    (a, b) => PERMIT_FLAG_KINDS.indexOf(a.kind) - PERMIT_FLAG_KINDS.indexOf(b.kind) || compareStrings(a.permit, b.permit) || compareStrings(a.date, b.date),
  );
}

/** Flags per kind, every kind present (0 when none). */
export function countByKind(flags: readonly PermitFlag[]): Record<PermitFlag['kind'], number> {
  const counts = Object.fromEntries(PERMIT_FLAG_KINDS.map((k) => [k, 0])) as Record<PermitFlag['kind'], number>;
  for (const f of flags) counts[f.kind] += 1;
  return counts;
}
