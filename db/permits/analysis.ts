import { randomUUID } from 'node:crypto';
import { analysePermits, countByKind, PERMIT_RULE_DEFAULTS, type PermitRuleParams } from '../../shared/permits/analyse.js';
import { officerHhi } from '../../shared/permits/flags/officer-concentration.js';
import { registerDate, tradeDate, tradePermitKey, type PermitFlag } from '../../shared/permits/records.js';
import type { AnalysisSummary, StoredPermitFlag } from '../../shared/permits/summaries.js';

export type { AnalysisSummary } from '../../shared/permits/summaries.js';
import { flaggedDays, handledDays } from '../../shared/permits/signals.js';
import { sha256Hex } from '../../shared/snapshot/canonical.js';
import { RegisterError } from '../errors.js';
import { inTransaction, type Register } from '../register.js';
import { loadQuotas, loadRegisterPermits, loadTrade } from './load.js';

/** The digest of what an analysis reads: each import's file digests, in order, and the quotas. */
function inputDigest(register: Register, authorityId: number, quotas: unknown): string {
  const imports = register.db.prepare('SELECT uid, format, files FROM permit_imports WHERE authority_id = ? ORDER BY id').all(authorityId);
  return sha256Hex(JSON.stringify({ imports, quotas }));
}

/**
 * Runs every red-flag rule over the authority's imported data and stores the
 * run: its flags, the per-day counts PI-1.2 signals are summed from, and a
 * summary. Earlier runs stay (an evidence item may point at one).
 */
export function analyseAuthorityPermits(register: Register, authorityId: number, params: PermitRuleParams = PERMIT_RULE_DEFAULTS): AnalysisSummary {
  const trade = loadTrade(register, authorityId);
  const permits = loadRegisterPermits(register, authorityId);
  const quotas = loadQuotas(register, authorityId);
  if (trade.length === 0 && permits.length === 0) throw new RegisterError('invalid', 'no permit data imported for this authority: import a Trade Database download or a permit register first');
  const flags = analysePermits({ trade, register: permits, quotas }, params);
  const handled = handledDays([
    ...trade.map((r) => ({ source: 'trade' as const, permit: tradePermitKey(r), date: tradeDate(r.year) })),
    ...permits.map((p) => ({ source: 'register' as const, permit: p.number, date: registerDate(p) ?? '' })),
  ]);
  const dates = handled.map((d) => d.date);
  const summary: AnalysisSummary = {
    uid: randomUUID(),
    analysedAt: register.now(),
    inputDigest: inputDigest(register, authorityId, quotas),
    tradeLines: trade.length,
    registerPermits: permits.length,
    quotas: quotas.length,
    period: { from: dates[0] ?? null, to: dates[dates.length - 1] ?? null },
    flagsByKind: countByKind(flags),
    flaggedPermits: new Set(flags.map((f) => `${f.source}|${f.permit}`)).size,
    officerHhi: officerHhi(permits),
  };
  inTransaction(register, () => {
    const id = Number(
      register.db
        .prepare('INSERT INTO permit_analyses (uid, authority_id, analysed_at, input_digest, params, summary) VALUES (?, ?, ?, ?, ?, ?)')
        .run(summary.uid, authorityId, summary.analysedAt, summary.inputDigest, JSON.stringify(params), JSON.stringify(summary)).lastInsertRowid,
    );
    const flag = register.db.prepare('INSERT INTO permit_flags (analysis_id, kind, source, permit, date, taxon, officer, applicant, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const f of flags) flag.run(id, f.kind, f.source, f.permit, f.date, f.taxon, f.officer, f.applicant, JSON.stringify(f.details));
    const day = register.db.prepare('INSERT INTO permit_flagged_days (analysis_id, date, stage, risk_type, flagged) VALUES (?, ?, ?, ?, ?)');
    for (const d of flaggedDays(flags)) day.run(id, d.date, d.stage, d.riskType, d.flagged);
    const handledDay = register.db.prepare('INSERT INTO permit_handled_days (analysis_id, date, source, permits) VALUES (?, ?, ?, ?)');
    for (const d of handled) handledDay.run(id, d.date, d.source, d.permits);
  });
  return summary;
}

export interface StoredAnalysis {
  id: number;
  uid: string;
  authorityId: number;
  analysedAt: string;
  inputDigest: string;
  summary: AnalysisSummary;
}

export function latestAnalysis(register: Register, authorityId: number): StoredAnalysis | null {
  const row = register.db
    .prepare('SELECT id, uid, authority_id AS authorityId, analysed_at AS analysedAt, input_digest AS inputDigest, summary FROM permit_analyses WHERE authority_id = ? ORDER BY id DESC LIMIT 1')
    .get(authorityId) as (Omit<StoredAnalysis, 'summary'> & { summary: string }) | undefined;
  return row ? { ...row, summary: JSON.parse(row.summary) as AnalysisSummary } : null;
}

/** The rule parameters a run used. */
export function analysisParams(register: Register, analysisId: number): PermitRuleParams {
  return JSON.parse(register.db.prepare('SELECT params FROM permit_analyses WHERE id = ?').pluck().get(analysisId) as string) as PermitRuleParams;
}

type FlagRow = Omit<StoredPermitFlag, 'details'> & { details: string };
const FLAG_COLUMNS = 'f.rowid AS id, f.kind, f.source, f.permit, f.date, f.taxon, f.officer, f.applicant, f.details';
const parsed = (f: FlagRow): StoredPermitFlag => ({ ...f, details: JSON.parse(f.details) as PermitFlag['details'] });

/** The stored flags of a run, in the rules' order, each with its id (for opening the records behind it). */
export function analysisFlags(register: Register, analysisId: number): StoredPermitFlag[] {
  return (register.db.prepare(`SELECT ${FLAG_COLUMNS} FROM permit_flags f WHERE f.analysis_id = ? ORDER BY f.rowid`).all(analysisId) as FlagRow[]).map(parsed);
}

/** One stored flag of any run of the authority; a flag of another authority is not found. */
export function storedFlag(register: Register, authorityId: number, flagId: number): StoredPermitFlag {
  const row = register.db
    .prepare(`SELECT ${FLAG_COLUMNS} FROM permit_flags f JOIN permit_analyses a ON a.id = f.analysis_id WHERE f.rowid = ? AND a.authority_id = ?`)
    .get(flagId, authorityId) as FlagRow | undefined;
  if (!row) throw new RegisterError('not_found', `flagId: no flag ${flagId} for this authority`);
  return parsed(row);
}
