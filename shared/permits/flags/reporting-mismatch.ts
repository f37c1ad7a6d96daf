import type { PermitFlag, TradeRecord } from '../records.js';
import { groupBy, sumByUnit, tradeFlag } from './common.js';

export interface ReportingMismatchParams {
  /** Quantities may differ by this share of the larger before it is a flag. Default 0.05 (5 %). */
  quantityTolerance: number;
}

export const REPORTING_MISMATCH_DEFAULTS: ReportingMismatchParams = { quantityTolerance: 0.05 };

const FIELDS = ['taxon', 'term', 'source'] as const;

/**
 * Reporting mismatch: for one export permit reported by both sides, the
 * exporter and importer disagree on taxon, term or source, or on the quantity
 * in a shared unit beyond the tolerance. Permits reported by one side only
 * are not compared (the other side simply did not report).
 */
export function reportingMismatchFlags(records: readonly TradeRecord[], params: ReportingMismatchParams = REPORTING_MISMATCH_DEFAULTS): PermitFlag[] {
  const flags: PermitFlag[] = [];
  for (const [permit, lines] of groupBy(records.filter((r) => r.exportPermit), (r) => r.exportPermit)) {
    const exporter = lines.filter((r) => r.reporter === 'E');
    const importer = lines.filter((r) => r.reporter === 'I');
    if (exporter.length === 0 || importer.length === 0) continue;
    const anchor = exporter[0]!;
    for (const field of FIELDS) {
      const e = [...new Set(exporter.map((r) => r[field]))].sort().join(', ');
      const i = [...new Set(importer.map((r) => r[field]))].sort().join(', ');
      if (e !== i) flags.push(tradeFlag('reporting-mismatch', anchor, { rule: field, permit, exporterReported: e, importerReported: i }));
    }
    const exported = sumByUnit(exporter);
    for (const [unit, imported] of sumByUnit(importer)) {
      const declared = exported.get(unit);
      if (declared === undefined) continue;
      if (Math.abs(imported - declared) > params.quantityTolerance * Math.max(imported, declared)) {
        flags.push(tradeFlag('reporting-mismatch', anchor, { rule: 'quantity', permit, unit, exporterQuantity: declared, importerQuantity: imported }));
      }
    }
  }
  return flags;
}
