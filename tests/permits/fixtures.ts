/** Builders for permit-data records: one realistic default, overridden per test. */
import type { RegisterPermit, TradeRecord } from '../../shared/permits/records.js';

let line = 0;

export function trade(overrides: Partial<TradeRecord> = {}): TradeRecord {
  line += 1;
  return {
    id: `L${line}`,
    year: 2024,
    appendix: 'II',
    taxon: 'Python regius',
    term: 'live',
    quantity: 10,
    unit: '',
    importer: 'US',
    exporter: 'GH',
    origin: '',
    purpose: 'T',
    source: 'W',
    reporter: 'E',
    importPermit: '',
    exportPermit: 'a1b2c3d4e5',
    originPermit: '',
    ...overrides,
  };
}

export function permit(overrides: Partial<RegisterPermit> = {}): RegisterPermit {
  return {
    number: 'EX-2025-0001',
    documentType: 'export',
    receivedAt: '2025-03-03T09:00',
    issuedAt: '2025-03-05T10:30',
    officer: 'off-1',
    applicant: 'app-1',
    taxon: 'Python regius',
    appendix: 'II',
    term: 'live',
    quantity: 10,
    unit: '',
    source: 'C',
    purpose: 'T',
    partner: 'US',
    validUntil: '2025-09-05',
    status: 'issued',
    replaces: null,
    endorsedQuantity: null,
    endorsedAt: null,
    endorsingOfficer: null,
    ...overrides,
  };
}

/** Numbered permits EX-2025-0001.. with the given overrides per index. */
export function series(count: number, each: (i: number) => Partial<RegisterPermit> = () => ({})): RegisterPermit[] {
  return Array.from({ length: count }, (_, i) => permit({ number: `EX-2025-${String(i + 1).padStart(4, '0')}`, ...each(i) }));
}
