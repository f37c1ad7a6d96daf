import type { QuotaRow, RegisterPermit, TradeRecord } from '../../shared/permits/records.js';
import type { Register } from '../register.js';

/*
 * Rows come back in the order they were imported (file by file, line by line): rowid order,
 * since an import's rows are written in that order in one transaction and import ids only
 * grow. Reading in rowid order needs no sort, which at a million rows was most of the load.
 */

/** The trade_records columns, in the order tradeFromRow reads them (prefix `t.`). */
export const TRADE_SELECT =
  't.record_id, t.year, t.appendix, t.taxon, t.term, t.quantity, t.unit, t.importer, t.exporter, t.origin, t.purpose, t.source, t.reporter, t.import_permit, t.export_permit, t.origin_permit';

/** The register_permits columns, in the order permitFromRow reads them (prefix `p.`). */
export const PERMIT_SELECT = `p.number, p.document_type, p.received_at, p.issued_at, p.officer, p.applicant, p.taxon, p.appendix, p.term, p.quantity, p.unit, p.source,
  p.purpose, p.partner, p.valid_until, p.status, p.replaces, p.endorsed_quantity, p.endorsed_at, p.endorsing_officer`;

export function tradeFromRow(r: unknown[]): TradeRecord {
  return {
    id: r[0] as string, year: r[1] as number, appendix: r[2] as string, taxon: r[3] as string, term: r[4] as string, quantity: r[5] as number | null, unit: r[6] as string,
    importer: r[7] as string, exporter: r[8] as string, origin: r[9] as string, purpose: r[10] as string, source: r[11] as string, reporter: r[12] as 'E' | 'I',
    importPermit: r[13] as string, exportPermit: r[14] as string, originPermit: r[15] as string,
  };
}

export function permitFromRow(r: unknown[]): RegisterPermit {
  return {
    number: r[0] as string, documentType: r[1] as RegisterPermit['documentType'], receivedAt: r[2] as string | null, issuedAt: r[3] as string | null, officer: r[4] as string,
    applicant: r[5] as string, taxon: r[6] as string, appendix: r[7] as string, term: r[8] as string, quantity: r[9] as number | null, unit: r[10] as string, source: r[11] as string,
    purpose: r[12] as string, partner: r[13] as string, validUntil: r[14] as string | null, status: r[15] as RegisterPermit['status'], replaces: r[16] as string | null,
    endorsedQuantity: r[17] as number | null, endorsedAt: r[18] as string | null, endorsingOfficer: r[19] as string | null,
  };
}

/** Everything imported for an authority, as the red-flag rules read it. */
export function loadTrade(register: Register, authorityId: number): TradeRecord[] {
  return (
    register.db
      .prepare(`SELECT ${TRADE_SELECT} FROM trade_records t JOIN permit_imports i ON i.id = t.import_id WHERE i.authority_id = ? ORDER BY t.rowid`)
      .raw()
      .all(authorityId) as unknown[][]
  ).map(tradeFromRow);
}

export function loadRegisterPermits(register: Register, authorityId: number): RegisterPermit[] {
  return (
    register.db
      .prepare(`SELECT ${PERMIT_SELECT} FROM register_permits p JOIN permit_imports i ON i.id = p.import_id WHERE i.authority_id = ? ORDER BY p.rowid`)
      .raw()
      .all(authorityId) as unknown[][]
  ).map(permitFromRow);
}

export function loadQuotas(register: Register, authorityId: number): QuotaRow[] {
  return register.db.prepare('SELECT year, country, taxon, term, unit, quota FROM permit_quotas WHERE authority_id = ? ORDER BY year, country, taxon, term, unit').all(authorityId) as QuotaRow[];
}
