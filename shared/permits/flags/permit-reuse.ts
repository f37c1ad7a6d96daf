import type { PermitFlag, TradeRecord } from '../records.js';
import { groupBy, sumByUnit, tradeFlag } from './common.js';

export interface PermitReuseParams {
  /** Importer-reported quantity may exceed the exporter-reported one by this share before it is a flag. Default 0.05 (5 %). */
  quantityTolerance: number;
}

export const PERMIT_REUSE_DEFAULTS: PermitReuseParams = { quantityTolerance: 0.05 };

/**
 * Permit re-use: one export permit id on shipments reported in more than one
 * year by the same side (an importer reporting next year what left in
 * December is normal lag, not re-use), or importers reporting more under the
 * permit than the exporter did, beyond the tolerance, in one unit.
 */
export function permitReuseFlags(records: readonly TradeRecord[], params: PermitReuseParams = PERMIT_REUSE_DEFAULTS): PermitFlag[] {
  const flags: PermitFlag[] = [];
  for (const [permit, lines] of groupBy(records.filter((r) => r.exportPermit), (r) => r.exportPermit)) {
    const exporter = lines.filter((r) => r.reporter === 'E');
    const importer = lines.filter((r) => r.reporter === 'I');
    const latest = lines.reduce((a, b) => (b.year > a.year ? b : a));
    for (const side of [exporter, importer]) {
      const years = [...new Set(side.map((r) => r.year))].sort((a, b) => a - b);
      if (years.length > 1) {
        flags.push(tradeFlag('permit-reuse', latest, { rule: 'years', permit, years: years.join(', '), reporter: side[0]!.reporter }));
        break;
      }
    }
    const exported = sumByUnit(exporter);
    for (const [unit, imported] of sumByUnit(importer)) {
      const declared = exported.get(unit);
      if (declared !== undefined && imported > declared * (1 + params.quantityTolerance)) {
        flags.push(tradeFlag('permit-reuse', latest, { rule: 'quantity', permit, unit, exporterQuantity: declared, importerQuantity: imported }));
      }
    }
  }
  return flags;
}
