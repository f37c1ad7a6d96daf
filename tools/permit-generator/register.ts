import { addMonths } from '../../shared/domain/dates.js';
import type { DocumentType, RegisterPermit } from '../../shared/permits/records.js';
import { TAXA } from './catalogue.js';
import { planted, Random } from './random.js';
import type { Planted } from './trade.js';

export interface RegisterRates {
  officerConcentration: number;
  outOfHours: number;
  processingTime: number;
  endorsement: number;
  deadPermit: number;
  numberSeries: number;
  exportValidity: number;
  structuring: number;
}

export const REGISTER_RATES: RegisterRates = {
  officerConcentration: 0.003,
  outOfHours: 0.002,
  processingTime: 0.002,
  endorsement: 0.002,
  deadPermit: 0.001,
  numberSeries: 0.001,
  exportValidity: 0.002,
  structuring: 0.002,
};

const DAY = 86_400_000;
const PREFIX: Record<DocumentType, string> = { export: 'EX', import: 'IM', 're-export': 'RE', certificate: 'CE' };
/** Round quantities, as permits are written: none falls just under the approval threshold of 100. */
const QUANTITIES = [1, 2, 3, 5, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 80, 100, 120, 150, 200, 250, 500];
const FIRST_DAY = Date.UTC(2023, 0, 2);
const DAYS = 3 * 365;

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const isWeekend = (ms: number) => [0, 6].includes(new Date(ms).getUTCDay());
const nextWorkingDay = (ms: number) => {
  let t = ms;
  while (isWeekend(t)) t += DAY;
  return t;
};
const atOfficeTime = (dayMs: number, random: Random, lastHour = 17) => dayMs + random.int(8, lastHour) * 3_600_000 + random.int(0, 59) * 60_000;
const dayOf = (ms: number) => Math.floor(ms / DAY) * DAY;

/**
 * An authority's permit register over 2023-2025: numbered series per type and
 * year, applications received and permits issued on working days in office
 * hours, log-normal review times, exports valid at most six months, used
 * exports endorsed by inspectors within validity. Clean data raise no flag
 * except the slowest 5 % of each type, which the processing-time rule
 * flags by construction.
 */
export function generateRegister(random: Random, rows: number, rates: RegisterRates | null): { register: RegisterPermit[]; planted: Planted[] } {
  const officers = Array.from({ length: 20 }, (_, i) => `officer-${String(i + 1).padStart(2, '0')}`);
  const inspectors = Array.from({ length: 8 }, (_, i) => `inspector-${i + 1}`);
  const applicants = Array.from({ length: Math.max(50, Math.round(rows / 25)) }, (_, i) => `applicant-${String(i + 1).padStart(5, '0')}`);
  const weights = applicants.map((_, i) => 1 / (i + 1) ** 0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  const pickApplicant = () => {
    let x = random.next() * total;
    for (let i = 0; i < weights.length; i += 1) if ((x -= weights[i]!) <= 0) return applicants[i]!;
    return applicants[0]!;
  };
  const received = Array.from({ length: rows }, () => nextWorkingDay(FIRST_DAY + random.int(0, DAYS - 1) * DAY)).sort((a, b) => a - b);
  const sequence = new Map<string, number>();
  const register: RegisterPermit[] = [];
  for (const day of received) {
    const type: DocumentType = random.pick(['export', 'export', 'export', 'export', 'export', 'import', 'import', 're-export', 're-export', 'certificate']);
    const spec = random.pick(TAXA);
    const receivedAt = atOfficeTime(day, random, 16);
    const issuedAt = atOfficeTime(nextWorkingDay(day + Math.max(1, Math.min(60, Math.round(random.logNormal(5, 0.6)))) * DAY), random);
    const quantity = random.pick(QUANTITIES);
    const status = type === 'export' || type === 're-export' ? random.pick(['used', 'used', 'used', 'used', 'used', 'used', 'used', 'expired', 'issued', 'cancelled'] as const) : 'used';
    const permit: RegisterPermit = {
      number: nextNumber(sequence, type, issuedAt),
      documentType: type, receivedAt: stamp(receivedAt), issuedAt: stamp(issuedAt), officer: random.pick(officers), applicant: pickApplicant(),
      taxon: spec.taxon, appendix: spec.appendix, term: spec.term, quantity, unit: spec.unit, source: spec.appendix === 'I' ? 'C' : random.pick(['W', 'C', spec.captiveSource]),
      purpose: 'T', partner: random.pick(['US', 'JP', 'DE', 'FR', 'CN']), validUntil: validity(type, issuedAt, random), status, replaces: null,
      endorsedQuantity: null, endorsedAt: null, endorsingOfficer: null,
    };
    if (status === 'used' && (type === 'export' || type === 're-export')) endorse(permit, random, inspectors);
    register.push(permit);
  }
  const plants: Planted[] = [];
  if (rates) plantRegister(random, register, rates, plants, officers);
  return { register, planted: plants };
}

function nextNumber(sequence: Map<string, number>, type: DocumentType, issuedAt: number): string {
  const key = `${PREFIX[type]}-${new Date(issuedAt).getUTCFullYear()}-`;
  const n = (sequence.get(key) ?? 0) + 1;
  sequence.set(key, n);
  return `${key}${String(n).padStart(6, '0')}`;
}

function validity(type: DocumentType, issuedAt: number, random: Random): string {
  const issued = stamp(issuedAt).slice(0, 10);
  if (type === 'export') return new Date(Date.parse(addMonths(issued, 6)) - random.int(0, 30) * DAY).toISOString().slice(0, 10);
  return addMonths(issued, type === 'certificate' ? 36 : 12);
}

function endorse(permit: RegisterPermit, random: Random, inspectors: string[]): void {
  const issued = Date.parse(`${permit.issuedAt}Z`);
  const last = Date.parse(`${permit.validUntil}T00:00Z`);
  const day = dayOf(issued) + Math.min(random.int(1, 90), Math.max(1, Math.floor((last - dayOf(issued)) / DAY) - 1)) * DAY;
  permit.endorsedAt = stamp(day + random.int(6, 20) * 3_600_000);
  permit.endorsedQuantity = random.chance(0.8) ? permit.quantity : Math.max(1, Math.floor((permit.quantity ?? 1) / 2));
  permit.endorsingOfficer = random.pick(inspectors);
}

/** Re-times a permit's issue and keeps its validity consistent with the new date. */
function reissue(permit: RegisterPermit, issuedMs: number): void {
  permit.issuedAt = stamp(issuedMs);
  if (permit.documentType === 'export') permit.validUntil = addMonths(permit.issuedAt.slice(0, 10), 6);
  if (permit.endorsedAt && permit.endorsedAt < permit.issuedAt) permit.endorsedAt = permit.issuedAt;
}

function plantRegister(random: Random, register: RegisterPermit[], rates: RegisterRates, plants: Planted[], officers: string[]): void {
  const used = new Set<RegisterPermit>();
  // Rejection sampling instead of filtering the whole register per pick: a million permits stay fast.
  const take = (filter: (p: RegisterPermit) => boolean, count: number, from = 0, to = register.length) => {
    const chosen: RegisterPermit[] = [];
    for (let attempts = 0; chosen.length < count && attempts < count * 200 + 1000; attempts += 1) {
      const p = register[random.int(from, Math.max(from, to - 1))]!;
      if (!used.has(p) && filter(p)) {
        used.add(p);
        chosen.push(p);
      }
    }
    return chosen;
  };
  const plant = (kind: Planted['kind'], p: RegisterPermit) => plants.push({ kind, permit: p.number });
  const n = register.length;

  for (let group = 0; group < planted(rates.officerConcentration / 12, n); group += 1) {
    const officer = random.pick(officers);
    for (const p of take(() => true, 12)) {
      p.applicant = `applicant-favoured-${group + 1}`;
      p.officer = officer;
      plant('officer-concentration', p);
    }
  }
  for (const p of take(() => true, planted(rates.outOfHours, n))) {
    const day = dayOf(Date.parse(`${p.issuedAt}Z`));
    reissue(p, random.chance(0.5) ? day + random.int(19, 22) * 3_600_000 : day + (6 - new Date(day).getUTCDay()) * DAY + 10 * 3_600_000);
    plant('out-of-hours', p);
  }
  for (const p of take(() => true, planted(rates.processingTime, n))) {
    const receivedMs = Date.parse(`${p.receivedAt}Z`);
    reissue(p, random.chance(0.5) ? receivedMs + random.int(5, 25) * 60_000 : atOfficeTime(nextWorkingDay(dayOf(receivedMs) + random.int(150, 250) * DAY), random));
    plant('processing-time', p);
  }
  for (const p of take((x) => x.endorsedAt !== null, planted(rates.endorsement, n))) {
    const variant = random.int(0, 2);
    if (variant === 0) p.endorsedQuantity = (p.quantity ?? 0) + random.int(1, 20);
    else if (variant === 1) p.endorsedAt = `${new Date(Date.parse(`${p.validUntil}T10:00Z`) + random.int(2, 30) * DAY).toISOString().slice(0, 10)}T10:00`;
    else p.endorsingOfficer = p.officer;
    plant('endorsement-problem', p);
  }
  for (const p of take((x) => x.endorsedAt !== null, planted(rates.deadPermit, n))) {
    p.status = 'cancelled';
    plant('dead-permit-used', p);
  }
  for (const p of take((x) => x.documentType === 'export' && x.issuedAt !== null, planted(rates.exportValidity, n))) {
    p.validUntil = addMonths(p.issuedAt!.slice(0, 10), random.int(8, 12));
    plant('export-validity', p);
  }
  for (let group = 0; group < planted(rates.structuring / 6, n); group += 1) {
    const at = random.int(0, n - 1);
    const anchor = register[at]!;
    if (used.has(anchor)) continue;
    used.add(anchor);
    const start = Date.parse(`${anchor.issuedAt}Z`);
    // The register is in order of receipt, so permits issued soon after the anchor sit close behind it.
    const near = take((p) => Date.parse(`${p.issuedAt}Z`) - start <= 20 * DAY && Date.parse(`${p.issuedAt}Z`) >= start, 5, at, Math.min(register.length, at + 400));
    // Too few permits nearby to make a window of five: leave them as they were.
    if (near.length < 4) continue;
    for (const p of [anchor, ...near]) {
      Object.assign(p, { applicant: `applicant-structured-${group + 1}`, taxon: 'Python regius', unit: '', quantity: random.int(91, 99) });
      if (p.endorsedQuantity !== null) p.endorsedQuantity = p.quantity;
      plant('structuring', p);
    }
  }
  // Series anomalies last: a dropped number (the next permit shows the gap) and a number issued twice.
  const count = planted(rates.numberSeries, n);
  const byNumber = new Map(register.map((p) => [p.number, p]));
  const dropped = new Set<RegisterPermit>();
  for (const p of take(() => true, count)) {
    const m = /^(.*?)(\d+)$/.exec(p.number)!;
    const next = byNumber.get(`${m[1]}${String(Number(m[2]) + 1).padStart(m[2]!.length, '0')}`);
    if (!next || used.has(next)) continue;
    dropped.add(p);
    used.add(next);
    plant('number-series', next);
  }
  for (const p of take(() => true, count)) {
    register.push({ ...p, applicant: register[random.int(0, n - 1)]!.applicant });
    plant('number-series', p);
  }
  let kept = 0;
  for (const p of register) if (!dropped.has(p)) register[kept++] = p;
  register.length = kept;
}
