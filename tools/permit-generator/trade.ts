import type { PermitFlagKind, QuotaRow, TradeRecord } from '../../shared/permits/records.js';
import { tradePermitKey } from '../../shared/permits/records.js';
import { EXPORTERS, FIRST_YEAR, IMPORTERS, LAST_YEAR, TAXA, type TaxonSpec } from './catalogue.js';
import { hexId, planted, Random } from './random.js';

export interface Planted {
  kind: PermitFlagKind;
  permit: string;
}

/** Planted anomalies per shipment (or per lane-year, for the group-level kinds). Zero gives clean data. */
export interface TradeRates {
  permitReuse: number;
  reportingMismatch: number;
  sourceShift: number;
  quotaOverrun: number;
  appendixI: number;
}

export const TRADE_RATES: TradeRates = { permitReuse: 0.002, reportingMismatch: 0.003, sourceShift: 0.01, quotaOverrun: 0.02, appendixI: 0.01 };

interface Lane {
  exporter: string;
  spec: TaxonSpec;
  captive: boolean;
}

interface Shipment {
  lane: Lane;
  year: number;
  lines: TradeRecord[];
}

/**
 * Shipment-level trade lines over lanes (one exporter, one taxon). A lane is
 * either wild or captive throughout, purposes follow the appendix (no
 * commercial wild Appendix I trade), both sides report the same figures,
 * and every lane-year has a quota with headroom: clean data raise no flag.
 * Anomalies are then planted on chosen shipments, lanes and quotas.
 */
export function generateTrade(random: Random, rows: number, rates: TradeRates | null): { trade: TradeRecord[]; quotas: QuotaRow[]; planted: Planted[] } {
  const laneCount = Math.min(EXPORTERS.length * TAXA.length, Math.max(20, Math.round(rows / 400)));
  const lanes: Lane[] = random.sample(EXPORTERS.length * TAXA.length, laneCount).map((i) => {
    const spec = TAXA[i % TAXA.length]!;
    return { exporter: EXPORTERS[Math.floor(i / TAXA.length)]!, spec, captive: spec.appendix === 'I' || random.chance(0.35) };
  });
  let lineId = 0;
  let permitCounter = 0;
  const shipments: Shipment[] = [];
  let produced = 0;
  while (produced < rows) {
    const lane = random.pick(lanes);
    const year = random.int(FIRST_YEAR, LAST_YEAR);
    const importer = random.pick(IMPORTERS);
    const quantity = random.pick(lane.spec.quantity);
    const source = lane.captive ? lane.spec.captiveSource : 'W';
    const purpose = lane.spec.appendix === 'I' && !lane.captive ? 'S' : random.chance(0.9) ? 'T' : random.pick(['S', 'Z', 'P']);
    permitCounter += 1;
    const exportPermit = hexId(permitCounter, 0x1f2e3d);
    const importPermit = hexId(permitCounter, 0x777);
    const sides: Array<'E' | 'I'> = random.chance(0.92) ? (random.chance(0.7) ? ['E', 'I'] : ['E']) : ['I'];
    const lines = sides.map((reporter): TradeRecord => {
      lineId += 1;
      return {
        id: String(lineId), year, appendix: lane.spec.appendix, taxon: lane.spec.taxon, term: lane.spec.term, quantity, unit: lane.spec.unit,
        importer, exporter: lane.exporter, origin: '', purpose, source, reporter, importPermit: reporter === 'I' ? importPermit : '', exportPermit, originPermit: '',
      };
    });
    shipments.push({ lane, year, lines });
    produced += lines.length;
  }
  const plants: Planted[] = [];
  if (rates) plantShipments(random, shipments, rates, plants, () => String((lineId += 1)));
  const trade = shipments.flatMap((s) => s.lines);
  const quotas = makeQuotas(random, trade, rates, plants);
  return { trade, quotas, planted: plants };
}

function plantShipments(random: Random, shipments: Shipment[], rates: TradeRates, plants: Planted[], nextId: () => string): void {
  const used = new Set<Shipment>();
  const choose = (pool: Shipment[], count: number) => random.sample(pool.length, count).map((i) => pool[i]!).filter((s) => !used.has(s) && used.add(s));

  // Source shift first: it needs untouched wild lanes with enough exporter lines per year.
  const byLaneYear = new Map<string, Shipment[]>();
  for (const s of shipments) {
    const key = `${s.lane.exporter}|${s.lane.spec.taxon}|${s.year}`;
    (byLaneYear.get(key) ?? byLaneYear.set(key, []).get(key)!).push(s);
  }
  const eLines = (list: Shipment[] | undefined) => (list ?? []).filter((s) => s.lines.some((l) => l.reporter === 'E')).length;
  const candidates = [...byLaneYear.entries()].filter(([key, list]) => {
    const [exporter, taxon, year] = key.split('|');
    const before = byLaneYear.get(`${exporter}|${taxon}|${Number(year) - 1}`);
    // Only animal lanes: artificially propagated plants (A) are not among the rule's captive sources.
    return !list[0]!.lane.captive && list[0]!.lane.spec.captiveSource !== 'A' && eLines(list) >= 12 && eLines(before) >= 12;
  });
  const shiftedLanes = new Set<string>();
  for (const i of random.sample(candidates.length, planted(rates.sourceShift, byLaneYear.size))) {
    const [key, list] = candidates[i]!;
    const lane = key.split('|').slice(0, 2).join('|');
    if (shiftedLanes.has(lane)) continue;
    shiftedLanes.add(lane);
    const exported = list.filter((s) => s.lines.some((l) => l.reporter === 'E'));
    for (const s of exported.slice(0, Math.ceil(exported.length * 0.45))) {
      used.add(s);
      for (const line of s.lines) line.source = s.lane.spec.captiveSource;
      plants.push({ kind: 'source-shift', permit: tradePermitKey(s.lines[0]!) });
    }
  }
  const free = () => shipments.filter((s) => !used.has(s) && !shiftedLanes.has(`${s.lane.exporter}|${s.lane.spec.taxon}`));
  for (const s of choose(free().filter((x) => x.lines.length === 1 && x.lines[0]!.reporter === 'E'), planted(rates.permitReuse, shipments.length))) {
    const line = s.lines[0]!;
    s.lines.push({ ...line, id: nextId(), year: line.year < LAST_YEAR ? line.year + 1 : line.year - 1 });
    plants.push({ kind: 'permit-reuse', permit: line.exportPermit });
  }
  for (const s of choose(free().filter((x) => x.lines.length === 2), planted(rates.reportingMismatch, shipments.length))) {
    const imported = s.lines[1]!;
    const variant = random.int(0, 2);
    if (variant === 0) imported.term = s.lane.spec.otherTerm;
    else if (variant === 1) imported.quantity = (imported.quantity ?? 0) * 0.5;
    else imported.source = imported.source === 'W' ? 'C' : 'W';
    plants.push({ kind: 'reporting-mismatch', permit: imported.exportPermit });
  }
  const captiveAppendixI = free().filter((x) => x.lane.spec.appendix === 'I' && x.lane.captive && x.lines[0]!.purpose === 'T');
  for (const s of choose(captiveAppendixI, planted(rates.appendixI, captiveAppendixI.length))) {
    for (const line of s.lines) line.source = 'W';
    plants.push({ kind: 'appendix-i-commercial-wild', permit: tradePermitKey(s.lines[0]!) });
  }
}

/** A quota for every lane-year with exporter-reported quantities, 20-100 % above them; overruns planted below. */
function makeQuotas(random: Random, trade: TradeRecord[], rates: TradeRates | null, plants: Planted[]): QuotaRow[] {
  const sums = new Map<string, { row: Omit<QuotaRow, 'quota'>; reported: number; permits: string[] }>();
  for (const r of trade) {
    if (r.reporter !== 'E' || r.quantity === null) continue;
    const key = [r.year, r.exporter, r.taxon, r.term, r.unit].join('|');
    const entry = sums.get(key) ?? sums.set(key, { row: { year: r.year, country: r.exporter, taxon: r.taxon, term: r.term, unit: r.unit }, reported: 0, permits: [] }).get(key)!;
    entry.reported += r.quantity;
    entry.permits.push(tradePermitKey(r));
  }
  const groups = [...sums.values()];
  const over = new Set(rates ? random.sample(groups.length, planted(rates.quotaOverrun, groups.length)) : []);
  return groups.map((g, i) => {
    if (!over.has(i)) return { ...g.row, quota: Math.ceil(g.reported * (1.2 + random.next() * 0.8)) };
    for (const permit of new Set(g.permits)) plants.push({ kind: 'quota-overrun', permit });
    return { ...g.row, quota: Math.floor(g.reported * 0.8) };
  });
}
