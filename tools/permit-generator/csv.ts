import type { QuotaRow, RegisterPermit, TradeRecord } from '../../shared/permits/records.js';

/** The header of the Trade Database's shipment-level download. */
export const TRADE_HEADER = [
  'Id', 'Year', 'Appendix', 'Taxon', 'Class', 'Order', 'Family', 'Genus', 'Term', 'Quantity', 'Unit', 'Importer', 'Exporter', 'Origin', 'Purpose', 'Source',
  'Reporter.type', 'Import.permit.RandomID', 'Export.permit.RandomID', 'Origin.permit.RandomID',
] as const;

/** A register export as an e-permitting system might write it; the import maps these columns. */
export const REGISTER_HEADER = [
  'Permit No.', 'Document', 'Application received', 'Issued', 'Issuing officer', 'Applicant', 'Species', 'Appendix', 'Description', 'Quantity', 'Unit',
  'Source', 'Purpose', 'Country', 'Valid until', 'Status', 'Replaces', 'Endorsed quantity', 'Endorsed on', 'Endorsed by',
] as const;

export const QUOTA_HEADER = ['year', 'country', 'taxon', 'term', 'unit', 'quota'] as const;

const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;
const num = (value: number | null) => (value === null ? '' : String(value));
const opt = (value: string | null) => quoted(value ?? '');

/** One trade line as the download writes it: strings quoted, Year and Quantity bare. */
export function tradeLine(r: TradeRecord): string {
  const genus = r.taxon.split(' ')[0] ?? '';
  return [
    quoted(r.id), String(r.year), quoted(r.appendix), quoted(r.taxon), quoted(''), quoted(''), quoted(''), quoted(genus), quoted(r.term), num(r.quantity),
    quoted(r.unit), quoted(r.importer), quoted(r.exporter), quoted(r.origin), quoted(r.purpose), quoted(r.source), quoted(r.reporter),
    quoted(r.importPermit), quoted(r.exportPermit), quoted(r.originPermit),
  ].join(',');
}

export function registerLine(p: RegisterPermit): string {
  return [
    quoted(p.number), quoted(p.documentType), opt(p.receivedAt), opt(p.issuedAt), quoted(p.officer), quoted(p.applicant), quoted(p.taxon), quoted(p.appendix), quoted(p.term),
    num(p.quantity), quoted(p.unit), quoted(p.source), quoted(p.purpose), quoted(p.partner), opt(p.validUntil), quoted(p.status), opt(p.replaces),
    num(p.endorsedQuantity), opt(p.endorsedAt), opt(p.endorsingOfficer),
  ].join(',');
}

export function quotaLine(q: QuotaRow): string {
  return [String(q.year), quoted(q.country), quoted(q.taxon), quoted(q.term), quoted(q.unit), String(q.quota)].join(',');
}

/** The mapping profile for REGISTER_HEADER (register field → file column), as the import saves them. */
export const REGISTER_MAPPING: Record<string, string> = {
  number: 'Permit No.', documentType: 'Document', receivedAt: 'Application received', issuedAt: 'Issued', officer: 'Issuing officer', applicant: 'Applicant',
  taxon: 'Species', appendix: 'Appendix', term: 'Description', quantity: 'Quantity', unit: 'Unit', source: 'Source', purpose: 'Purpose', partner: 'Country',
  validUntil: 'Valid until', status: 'Status', replaces: 'Replaces', endorsedQuantity: 'Endorsed quantity', endorsedAt: 'Endorsed on', endorsingOfficer: 'Endorsed by',
};
