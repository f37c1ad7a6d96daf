import { DOCUMENT_TYPES, type DocumentType, type PermitFlag, type RegisterPermit } from '../records.js';
import { instantMs } from './common.js';
import { registerFlag } from './register-common.js';

export interface ProcessingTimeParams {
  /** Shortest credible review, in minutes, per document type. Default 60 for permits, 30 for certificates. */
  minimumMinutes: Readonly<Record<DocumentType, number>>;
  /** Slower than this percentile of its type is an outlier. Default 0.95: by construction about 5 % of permits. */
  percentile: number;
}

export const PROCESSING_TIME_DEFAULTS: ProcessingTimeParams = {
  minimumMinutes: { export: 60, import: 60, 're-export': 60, certificate: 30 },
  percentile: 0.95,
};

/** Nearest-rank percentile of sorted values. */
export function percentileOf(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/**
 * Processing-time outliers: issued faster than the type's minimum review
 * time (including before the application arrived), or slower than the type's
 * percentile. Permits missing either time are not measured.
 */
export function processingTimeFlags(permits: readonly RegisterPermit[], params: ProcessingTimeParams = PROCESSING_TIME_DEFAULTS): PermitFlag[] {
  const flags: PermitFlag[] = [];
  for (const type of DOCUMENT_TYPES) {
    const measured: Array<{ p: RegisterPermit; minutes: number }> = [];
    for (const p of permits) {
      if (p.documentType !== type || !p.receivedAt || !p.issuedAt) continue;
      const from = instantMs(p.receivedAt);
      const to = instantMs(p.issuedAt);
      if (from !== null && to !== null) measured.push({ p, minutes: (to - from) / 60_000 });
    }
    if (measured.length === 0) continue;
    const slow = percentileOf(measured.map((m) => m.minutes).sort((a, b) => a - b), params.percentile);
    const minimum = params.minimumMinutes[type];
    for (const { p, minutes } of measured) {
      if (minutes < minimum) flags.push(registerFlag('processing-time', p, { rule: 'fast', minutes: Math.round(minutes), minimumMinutes: minimum }));
      else if (minutes > slow) flags.push(registerFlag('processing-time', p, { rule: 'slow', minutes: Math.round(minutes), percentileMinutes: Math.round(slow) }));
    }
  }
  return flags;
}
