import { parseQuotaRow, parseRegisterRow, parseTradeFields, tradeColumnIndex, TRADE_COLUMNS, QUOTA_COLUMNS, type RowResult, type TradeColumnIndex } from '../../shared/permits/parse-row.js';
import type { QuotaRow, RegisterPermit, TradeRecord } from '../../shared/permits/records.js';
import type { Register } from '../register.js';
import type { ImportRequest, ImportSummary } from './import.js';
import { batchedInsert } from './batched-insert.js';
import { pseudonymiser, pseudonymKey } from './pseudonym.js';

/** The stored columns of a Trade Database line, in the order `store` fills its values below. */
const TRADE_RECORD_COLUMNS = [
  'import_id', 'line', 'record_id', 'year', 'appendix', 'taxon', 'term', 'quantity', 'unit', 'importer', 'exporter', 'origin', 'purpose', 'source', 'reporter', 'import_permit',
  'export_permit', 'origin_permit',
] as const;

export interface RowWriter {
  request: ImportRequest;
  /** The file columns the mapping names (register format). */
  mappedColumns: string[];
  useHeader(header: string[]): void;
  /** Stores the row and returns null, or returns why it was rejected. */
  write(record: string[], line: number, summary: ImportSummary): string | null;
  reject(file: string, line: number, reason: string): void;
  /** Writes any rows still buffered: before the import's counts are checked and it commits. */
  finish(): void;
}

/** Prepared statements and row parsing for one import, per format. */
export function rowWriter(register: Register, importId: number, request: ImportRequest): RowWriter {
  const db = register.db;
  const rejectStatement = db.prepare('INSERT INTO permit_rejects (import_id, file, line, reason) VALUES (?, ?, ?, ?)');
  let header: string[] = [];
  let tradeIndex: TradeColumnIndex = [];
  // One object per file, refilled for every row: the parsers keep nothing of it, and a million
  // short-lived objects would cost the import more in collection than in parsing. No prototype,
  // so a column named "__proto__" or "constructor" is a column like any other.
  let row: Record<string, string> = Object.create(null) as Record<string, string>;
  const toObject = (record: string[]) => {
    for (let i = 0; i < header.length; i += 1) row[header[i]!] = record[i]!;
    return row;
  };
  let store: (record: string[], line: number) => RowResult<unknown>;
  let flush: () => void = () => undefined;

  if (request.format === 'trade-db') {
    const insert = batchedInsert(db, 'trade_records', TRADE_RECORD_COLUMNS);
    flush = insert.flush;
    // The fields of each line in TRADE_COLUMNS order, refilled by position for every line.
    const fields: string[] = new Array<string>(TRADE_COLUMNS.length).fill('');
    // The stored values of each line in the insert's column order, refilled likewise.
    const values: unknown[] = new Array<unknown>(TRADE_RECORD_COLUMNS.length).fill(null);
    values[0] = importId;
    store = (record, line) => {
      const index: TradeColumnIndex = tradeIndex;
      for (let i = 0; i < index.length; i += 1) fields[i] = record[index[i]!] ?? '';
      const result = parseTradeFields(fields);
      if (result.ok) {
        const r: TradeRecord = result.value;
        values[1] = line;
        values[2] = r.id;
        values[3] = r.year;
        values[4] = r.appendix;
        values[5] = r.taxon;
        values[6] = r.term;
        values[7] = r.quantity;
        values[8] = r.unit;
        values[9] = r.importer;
        values[10] = r.exporter;
        values[11] = r.origin;
        values[12] = r.purpose;
        values[13] = r.source;
        values[14] = r.reporter;
        values[15] = r.importPermit;
        values[16] = r.exportPermit;
        values[17] = r.originPermit;
        insert.add(values);
      }
      return result;
    };
  } else if (request.format === 'register') {
    const insert = batchedInsert(db, 'register_permits', [
      'import_id', 'line', 'number', 'document_type', 'received_at', 'issued_at', 'officer', 'applicant', 'taxon', 'appendix', 'term', 'quantity', 'unit', 'source', 'purpose',
      'partner', 'valid_until', 'status', 'replaces', 'endorsed_quantity', 'endorsed_at', 'endorsing_officer',
    ]);
    flush = insert.flush;
    const hide = request.pseudonymise === false ? (v: string) => v : pseudonymiser(pseudonymKey(register, request.authorityId));
    store = (record, line) => {
      const result = parseRegisterRow(toObject(record), request.mapping!);
      if (result.ok) {
        const p: RegisterPermit = result.value;
        insert.add([
          importId, line, p.number, p.documentType, p.receivedAt, p.issuedAt, hide(p.officer), hide(p.applicant), p.taxon, p.appendix, p.term, p.quantity, p.unit, p.source, p.purpose,
          p.partner, p.validUntil, p.status, p.replaces, p.endorsedQuantity, p.endorsedAt, p.endorsingOfficer === null ? null : hide(p.endorsingOfficer),
        ]);
      }
      return result;
    };
  } else {
    // A quota restated in a later file replaces the earlier figure: quotas are amended, not added up.
    const upsert = db.prepare(
      `INSERT INTO permit_quotas (authority_id, year, country, taxon, term, unit, quota) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (authority_id, year, country, taxon, term, unit) DO UPDATE SET quota = excluded.quota`,
    );
    store = (record) => {
      const result = parseQuotaRow(toObject(record));
      if (result.ok) {
        const q: QuotaRow = result.value;
        upsert.run(request.authorityId, q.year, q.country, q.taxon, q.term, q.unit, q.quota);
      }
      return result;
    };
  }

  return {
    request,
    mappedColumns: request.format === 'register' ? [...new Set(Object.values(request.mapping?.columns ?? {}).filter((c): c is string => !!c))] : request.format === 'trade-db' ? [...TRADE_COLUMNS] : [...QUOTA_COLUMNS],
    useHeader(h) {
      header = h;
      tradeIndex = tradeColumnIndex(h);
      row = Object.create(null) as Record<string, string>;
    },
    write(record, line, summary) {
      const result = store(record, line);
      if (!result.ok) return result.reason;
      if (result.unknownUnit) summary.unknownUnits += 1;
      return null;
    },
    reject(file, line, reason) {
      rejectStatement.run(importId, file, line, reason);
    },
    finish() {
      flush();
    },
  };
}
