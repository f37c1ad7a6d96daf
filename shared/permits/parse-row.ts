import { isIsoDate } from '../domain/dates.js';
import { DOCUMENT_TYPES, PERMIT_STATUSES, type DocumentType, type PermitStatus, type QuotaRow, type RegisterPermit, type TradeRecord } from './records.js';
import { isDigits, isFourDigits, isTenHexDigits, lower, trimmed, upper } from './ascii-text.js';
import { normaliseQuantity } from './units.js';

/**
 * Turning one CSV row (column name → text) into a record, or the reason it
 * cannot be one. Pure, so the import, the CLI and a mapping preview all
 * accept and refuse exactly the same rows.
 */
export type RowResult<T> = { ok: true; value: T; unknownUnit: boolean } | { ok: false; reason: string };

export const TRADE_COLUMNS = [
  'Id', 'Year', 'Appendix', 'Taxon', 'Class', 'Order', 'Family', 'Genus', 'Term', 'Quantity', 'Unit', 'Importer', 'Exporter', 'Origin', 'Purpose', 'Source',
  'Reporter.type', 'Import.permit.RandomID', 'Export.permit.RandomID', 'Origin.permit.RandomID',
] as const;

export const REGISTER_FIELDS = [
  'number', 'documentType', 'receivedAt', 'issuedAt', 'officer', 'applicant', 'taxon', 'appendix', 'term', 'quantity', 'unit', 'source', 'purpose', 'partner',
  'validUntil', 'status', 'replaces', 'endorsedQuantity', 'endorsedAt', 'endorsingOfficer',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** Fields a register mapping must name a column for. */
export const REQUIRED_REGISTER_FIELDS: readonly RegisterField[] = ['number', 'documentType', 'issuedAt', 'officer', 'applicant', 'taxon', 'status'];

export const QUOTA_COLUMNS = ['year', 'country', 'taxon', 'term', 'unit', 'quota'] as const;

export type DateOrder = 'iso' | 'dmy' | 'mdy';

export interface RegisterMapping {
  /** Register field → the file's column header. */
  columns: Partial<Record<RegisterField, string>>;
  /** How dates are written when not ISO: day/month/year or month/day/year. Default iso. */
  dateOrder?: DateOrder;
}

/** A number written plainly (a decimal point, no thousands separators), or null for empty. */
export function parseNumber(text: string): number | null | undefined {
  const t = trimmed(text);
  if (t === '') return null;
  // A whole number of up to 15 digits, the common case, is exact as a double: no pattern needed.
  if (t.length <= 15 && isDigits(t)) return Number(t);
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export function parseTradeRow(row: Readonly<Record<string, string>>): RowResult<TradeRecord> {
  return parseTradeFields(TRADE_COLUMNS.map((c) => row[c] ?? ''));
}

/** Where each of TRADE_COLUMNS sits in a file's header (the download's column order may vary). */
export type TradeColumnIndex = readonly number[];

export function tradeColumnIndex(header: readonly string[]): TradeColumnIndex {
  return TRADE_COLUMNS.map((c) => header.indexOf(c));
}

const T = Object.fromEntries(TRADE_COLUMNS.map((c, i) => [c, i])) as Record<(typeof TRADE_COLUMNS)[number], number>;

/**
 * A trade line from its fields in TRADE_COLUMNS order: the import's hot path
 * (a million lines read by position, not by column name). `parseTradeRow`
 * is the same rule for a row given by column names.
 */
export function parseTradeFields(fields: readonly string[]): RowResult<TradeRecord> {
  const get = (i: number) => trimmed(fields[i] ?? '');
  const year = get(T.Year);
  if (!isFourDigits(year)) return { ok: false, reason: `Year: "${year}" is not a four-digit year` };
  const quantity = parseNumber(get(T.Quantity));
  if (quantity === undefined || (quantity !== null && quantity < 0)) return { ok: false, reason: `Quantity: "${get(T.Quantity)}" is not a non-negative number` };
  const reporter = upper(get(T['Reporter.type']));
  if (reporter !== 'E' && reporter !== 'I') return { ok: false, reason: `Reporter.type: "${get(T['Reporter.type'])}" is neither E nor I` };
  const importPermit = get(T['Import.permit.RandomID']);
  const exportPermit = get(T['Export.permit.RandomID']);
  const originPermit = get(T['Origin.permit.RandomID']);
  const badPermit = badPermitId('Import.permit.RandomID', importPermit) ?? badPermitId('Export.permit.RandomID', exportPermit) ?? badPermitId('Origin.permit.RandomID', originPermit);
  if (badPermit) return { ok: false, reason: badPermit };
  const taxon = get(T.Taxon);
  if (!taxon) return { ok: false, reason: 'Taxon: empty' };
  const normal = normaliseQuantity(quantity, get(T.Unit));
  return {
    ok: true,
    unknownUnit: !normal.known,
    value: {
      id: get(T.Id), year: Number(year), appendix: upper(get(T.Appendix)), taxon, term: get(T.Term), quantity: normal.quantity, unit: normal.unit,
      importer: upper(get(T.Importer)), exporter: upper(get(T.Exporter)), origin: upper(get(T.Origin)), purpose: upper(get(T.Purpose)),
      source: upper(get(T.Source)), reporter, importPermit: lower(importPermit), exportPermit: lower(exportPermit), originPermit: lower(originPermit),
    },
  };
}

/** Why a permit id column is refused, or null: empty, or ten hex digits. */
function badPermitId(column: string, id: string): string | null {
  return id === '' || isTenHexDigits(id) ? null : `${column}: "${id.slice(0, 40)}" is not a 10-hex-digit permit id`;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const SLASHED = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A date or date-time as ISO `YYYY-MM-DD[THH:MM[:SS]][offset]`, null for empty, undefined when unreadable. */
export function parseDateTime(text: string, order: DateOrder = 'iso'): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  let parts: { y: string; m: string; d: string; hh?: string; mm?: string; ss?: string; zone?: string } | null = null;
  const iso = DATE_TIME.exec(t);
  if (iso) parts = { y: iso[1]!, m: iso[2]!, d: iso[3]!, hh: iso[4], mm: iso[5], ss: iso[6], zone: iso[7] };
  const slashed = order !== 'iso' ? SLASHED.exec(t) : null;
  if (slashed) {
    const [first, second] = [slashed[1]!.padStart(2, '0'), slashed[2]!.padStart(2, '0')];
    parts = { y: slashed[3]!, m: order === 'dmy' ? second : first, d: order === 'dmy' ? first : second, hh: slashed[4]?.padStart(2, '0'), mm: slashed[5], ss: slashed[6] };
  }
  if (!parts || !isIsoDate(`${parts.y}-${parts.m}-${parts.d}`)) return undefined;
  const date = `${parts.y}-${parts.m}-${parts.d}`;
  if (parts.hh === undefined) return date;
  if (Number(parts.hh) > 23 || Number(parts.mm) > 59 || Number(parts.ss ?? 0) > 59) return undefined;
  return `${date}T${parts.hh}:${parts.mm}${parts.ss ? `:${parts.ss}` : ''}${parts.zone ?? ''}`;
}

const TYPE_WORDS: Record<string, DocumentType> = { export: 'export', import: 'import', 're-export': 're-export', reexport: 're-export', 're export': 're-export', certificate: 'certificate', cert: 'certificate' };

export function parseRegisterRow(row: Readonly<Record<string, string>>, mapping: RegisterMapping): RowResult<RegisterPermit> {
  const get = (field: RegisterField) => {
    const column = mapping.columns[field];
    return column === undefined ? '' : (row[column] ?? '').trim();
  };
  const order = mapping.dateOrder ?? 'iso';
  const number = get('number');
  if (!number) return { ok: false, reason: 'number: empty' };
  const documentType = TYPE_WORDS[get('documentType').toLowerCase()];
  if (!documentType) return { ok: false, reason: `documentType: "${get('documentType')}" is not one of ${DOCUMENT_TYPES.join(', ')}` };
  const status = get('status').toLowerCase() as PermitStatus;
  if (!PERMIT_STATUSES.includes(status)) return { ok: false, reason: `status: "${get('status')}" is not one of ${PERMIT_STATUSES.join(', ')}` };
  const dates: Partial<Record<RegisterField, string | null>> = {};
  for (const field of ['receivedAt', 'issuedAt', 'validUntil', 'endorsedAt'] as const) {
    const value = parseDateTime(get(field), order);
    if (value === undefined) return { ok: false, reason: `${field}: "${get(field).slice(0, 40)}" is not a date${order === 'iso' ? ' written YYYY-MM-DD[THH:MM]' : ''}` };
    dates[field] = value;
  }
  const numbers: Partial<Record<RegisterField, number | null>> = {};
  for (const field of ['quantity', 'endorsedQuantity'] as const) {
    const value = parseNumber(get(field));
    if (value === undefined || (value !== null && value < 0)) return { ok: false, reason: `${field}: "${get(field).slice(0, 40)}" is not a non-negative number` };
    numbers[field] = value;
  }
  for (const field of ['officer', 'applicant', 'taxon'] as const) if (!get(field)) return { ok: false, reason: `${field}: empty` };
  const normal = normaliseQuantity(numbers.quantity ?? null, get('unit'));
  const endorsed = normaliseQuantity(numbers.endorsedQuantity ?? null, get('unit'));
  return {
    ok: true,
    unknownUnit: !normal.known,
    value: {
      number, documentType, receivedAt: dates.receivedAt ?? null, issuedAt: dates.issuedAt ?? null, officer: get('officer'), applicant: get('applicant'), taxon: get('taxon'),
      appendix: get('appendix').toUpperCase(), term: get('term'), quantity: normal.quantity, unit: normal.unit, source: get('source').toUpperCase(), purpose: get('purpose').toUpperCase(),
      partner: get('partner').toUpperCase(), validUntil: dates.validUntil ?? null, status, replaces: get('replaces') || null, endorsedQuantity: endorsed.quantity,
      endorsedAt: dates.endorsedAt ?? null, endorsingOfficer: get('endorsingOfficer') || null,
    },
  };
}

export function parseQuotaRow(row: Readonly<Record<string, string>>): RowResult<QuotaRow> {
  const get = (c: (typeof QUOTA_COLUMNS)[number]) => (row[c] ?? '').trim();
  if (!/^\d{4}$/.test(get('year'))) return { ok: false, reason: `year: "${get('year')}" is not a four-digit year` };
  const quota = parseNumber(get('quota'));
  if (quota === undefined || quota === null || quota < 0) return { ok: false, reason: `quota: "${get('quota')}" is not a non-negative number` };
  if (!get('country') || !get('taxon')) return { ok: false, reason: `${get('country') ? 'taxon' : 'country'}: empty` };
  const normal = normaliseQuantity(quota, get('unit'));
  return { ok: true, unknownUnit: !normal.known, value: { year: Number(get('year')), country: get('country').toUpperCase(), taxon: get('taxon'), term: get('term'), unit: normal.unit, quota: normal.quantity! } };
}
